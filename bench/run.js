// `npm run bench`: starts the generated world's servers on 127.0.0.1 (bench/servers.js, in a
// child process), runs the built CLI over N domains at each latency and worker setting, prints
// domains/s, CPU ms per domain, peak RSS and p50/p95 per-domain latency, measures start-up, and
// writes BENCHMARKS.md.
//
//   node bench/run.js [--domains 2000] [--latency 0,50] [--workers 1,auto] [--concurrency 16]
//                     [--timeout 2000] [--critical-path] [--no-startup] [--passive] [--profile] [--no-write]
import { fork, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureStartup } from "./startup.js";
import { targetName } from "./world.js";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const DOMAINS = Number(opt("--domains", "2000"));
const LATENCIES = opt("--latency", "0,50").split(",").map(Number);
const CONCURRENCY = Number(opt("--concurrency", "16"));
const TIMEOUT = Number(opt("--timeout", "2000"));
const PROFILE = flag("--profile");
// --critical-path: also a -c 64 run and a -c 1 run (one domain at a time) at each latency above 0.
const CRITICAL_PATH = flag("--critical-path");
// Worker settings to compare; those other than 1 only when the CLI has --workers.
const hasWorkersFlag = spawnSync(process.execPath, [join(ROOT, "bin/hostscan.js"), "--help"], {
  encoding: "utf8",
}).stdout.includes("--workers");
const WORKERS = opt("--workers", "1,auto")
  .split(",")
  .filter((w) => w === "1" || hasWorkersFlag);
// --passive: DNS and RDAP/WHOIS only (no HTTP/TLS probe), to separate the probe's cost.
const PASSIVE = flag("--passive");
const log = (s) => process.stderr.write(`bench: ${s}\n`);

if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
  log("dist/cli/main.js missing: run `npm run build` first (npm run bench does)");
  process.exit(2);
}

function startWorld(latency) {
  const child = fork(join(ROOT, "bench/servers.js"), ["--latency", String(latency)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`world servers exited (${code})`)));
    child.once("message", (m) => resolve({ child, ports: m.ports }));
  });
}

function worldCounts(child) {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m.counts));
    child.send("counts");
  });
}

function cliArgs(ports, concurrency, workers) {
  return [
    ...(hasWorkersFlag ? ["--workers", String(workers)] : []),
    "--ndjson",
    "--no-cache",
    "--quiet",
    "-c",
    String(concurrency),
    "-t",
    String(TIMEOUT),
    "--resolver",
    `127.0.0.1:${ports.dns}`,
    "--rdap-bootstrap",
    ports.rdap.bootstrap,
    "--whois-server",
    ports.whois,
    "--connect-to",
    `:443:127.0.0.1:${ports.httpsPort}`,
    "--connect-to",
    `:80:127.0.0.1:${ports.httpPort}`,
    "-i",
    "-",
    ...(PASSIVE ? ["--passive"] : []),
  ];
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// One hostscan run over `count` domains: wall time, CPU, peak RSS, per-domain latencies.
async function runHostscan(ports, { concurrency, workers, count, label }) {
  const usageFile = join(os.tmpdir(), `hostscan-bench-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const nodeArgs = PROFILE
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${join(ROOT, "bench/profiles")}`,
        `--cpu-prof-name=${label}.cpuprofile`,
      ]
    : [];
  const args = [
    ...nodeArgs,
    join(ROOT, "bench/measure.js"),
    ...cliArgs(ports, concurrency, workers),
  ];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), HOSTSCAN_BENCH_USAGE: usageFile },
    stdio: ["pipe", "pipe", "pipe"],
  });
  // Targets are streamed in, as a user's `-i -` list would be.
  (async () => {
    for (let i = 0; i < count; i++) {
      if (!child.stdin.write(`${targetName(i)}\n`))
        await new Promise((r) => child.stdin.once("drain", r));
    }
    child.stdin.end();
  })().catch(() => {});
  const durations = [];
  const errorCodes = {};
  let results = 0;
  let ordered = true;
  let buffered = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d) => {
    if (stderr.length < 20_000) stderr += d;
  });
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    buffered += chunk;
    let nl = buffered.indexOf("\n");
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf("\n");
      if (!line) continue;
      const p = JSON.parse(line);
      if (p.target !== targetName(results)) ordered = false;
      results += 1;
      durations.push(p.durationMs);
      for (const e of p.errors)
        errorCodes[`${e.source}:${e.code}`] = (errorCodes[`${e.source}:${e.code}`] ?? 0) + 1;
    }
  });
  // RSS as the batch grows (Linux /proc), to show whether memory stays flat.
  const rssSamples = [];
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      if (kb) rssSamples.push({ done: results, mb: kb / 1024 });
    } catch {
      // not Linux, or the process has just exited
    }
  }, 1000);
  const code = await new Promise((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, "utf8")) : null;
  rmSync(usageFile, { force: true });
  if (results !== count)
    log(`${label}: ${results} results for ${count} domains (exit ${code})\n${stderr}`);
  durations.sort((a, b) => a - b);
  return {
    label,
    concurrency,
    workers,
    count,
    results,
    ordered,
    exit: code,
    wallMs,
    perSecond: (results * 1000) / wallMs,
    cpuMsPerDomain: usage ? (usage.userUs + usage.systemUs) / 1000 / Math.max(1, results) : null,
    peakRssMb: usage ? usage.maxRssKb / 1024 : null,
    gcMsPerDomain: usage ? usage.gcMs / Math.max(1, results) : null,
    gcMajor: usage?.gcMajor ?? null,
    peakMb: usage?.peakMb ?? null,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    errorCodes,
    rssGrowth: [0.25, 0.5, 0.75, 1]
      .map((f) => {
        const s = rssSamples.filter((x) => x.done <= count * f).pop();
        return s ? `${Math.round(f * 100)} %: ${Math.round(s.mb)} MB` : null;
      })
      .filter(Boolean)
      .join(", "),
    stderr: stderr.trim(),
  };
}

const fmt = (v, digits = 1) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));

function tableOf(rows) {
  const head =
    "| latency/RTT | workers | -c | domains | wall s | domains/s | CPU ms/domain | GC pause ms/domain | peak RSS MB | p50 ms | p95 ms | in order |";
  const sep =
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |";
  const lines = rows.map(
    (r) =>
      `| ${r.latency} ms | ${r.workers} | ${r.concurrency} | ${r.results}/${r.count} | ${fmt(r.wallMs / 1000, 2)} | ${fmt(r.perSecond)} | ${fmt(r.cpuMsPerDomain, 2)} | ${fmt(r.gcMsPerDomain, 2)} | ${fmt(r.peakRssMb, 0)} | ${fmt(r.p50, 0)} | ${fmt(r.p95, 0)} | ${r.ordered ? "yes" : "NO"} |`,
  );
  return [head, sep, ...lines].join("\n");
}

// ---- main ------------------------------------------------------------------------------------

const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model?.trim() ?? "unknown",
  memoryGb: os.totalmem() / 1024 ** 3,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadBefore: os.loadavg()[0],
};
log(`${machine.cpus} × ${machine.model}, ${fmt(machine.memoryGb)} GB, Node ${machine.node}`);
if (PROFILE) mkdirSync(join(ROOT, "bench/profiles"), { recursive: true });

const rows = [];
const notes = [];
let httpsNote = "";
for (const latency of LATENCIES) {
  const { child, ports } = await startWorld(latency);
  httpsNote = ports.tls
    ? "HTTPS with a self-signed certificate made by openssl at start (each profile records it as an untrusted-certificate TLS_ERROR, as it should)"
    : "openssl not found: HTTP only (443 is mapped to a closed local port, the probe falls back to http://)";
  try {
    const plan = WORKERS.map((workers) => ({ concurrency: CONCURRENCY, workers, count: DOMAINS }));
    if (latency > 0 && CRITICAL_PATH) {
      if (CONCURRENCY !== 64) plan.push({ concurrency: 64, workers: 1, count: DOMAINS });
      plan.push({ concurrency: 1, workers: 1, count: Math.min(40, DOMAINS), criticalPath: true });
    }
    for (const step of plan) {
      const label = `lat${latency}-w${step.workers}-c${step.concurrency}-n${step.count}`;
      log(`${label}: running`);
      const r = await runHostscan(ports, { ...step, label });
      const row = { ...r, latency, criticalPath: Boolean(step.criticalPath) };
      rows.push(row);
      log(
        `${label}: ${fmt(r.perSecond)} domains/s, ${fmt(r.cpuMsPerDomain, 2)} CPU ms/domain (GC pauses ${fmt(r.gcMsPerDomain, 2)} ms, ${r.gcMajor} major), ${fmt(r.peakRssMb, 0)} MB (peaks: ${JSON.stringify(r.peakMb)}), p50 ${r.p50} ms, p95 ${r.p95} ms`,
      );
    }
    const counts = await worldCounts(child);
    const domainsAt = (l) =>
      rows.filter((r) => r.latency === l).reduce((n, r) => n + r.results, 0) || 1;
    notes.push(
      `at ${latency} ms the world answered ${counts.dns} DNS queries (${Object.entries(
        counts.dnsByKind,
      )
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ", ",
        )}), ${counts.rdap} RDAP requests, ${counts.whois} WHOIS queries, ${counts.web} web requests over ${counts.connections} TCP connections, and used ${fmt(counts.cpuMs / domainsAt(latency), 2)} CPU ms per domain scanned (all runs at this latency; the world runs on the same cores as hostscan)`,
    );
  } finally {
    child.disconnect();
  }
}

// Targets from issue 15 (and issue 6's critical-path target when --critical-path ran).
const checks = [];
for (const zero of rows.filter((r) => r.latency === 0 && !r.criticalPath)) {
  checks.push(
    `0 ms, ${zero.workers} worker(s): ${fmt(zero.perSecond)} domains/s (target ≥ 300) ${zero.perSecond >= 300 ? "met" : "MISSED"}; ${fmt(zero.cpuMsPerDomain, 2)} CPU ms/domain (target ≤ 5) ${zero.cpuMsPerDomain <= 5 ? "met" : "MISSED"}`,
  );
}
for (const latency of LATENCIES.filter((l) => l > 0)) {
  const cp = rows.find((r) => r.latency === latency && r.criticalPath);
  const c64 = rows.find((r) => r.latency === latency && r.concurrency === 64 && !r.criticalPath);
  if (cp && c64 && cp.p50) {
    const bound = (64 * 1000) / cp.p50;
    checks.push(
      `${latency} ms, -c 64: ${fmt(c64.perSecond)} domains/s against 64 ÷ the critical path (${cp.p50} ms) = ${fmt(bound)}/s: ${fmt((100 * c64.perSecond) / bound, 0)} % (target 80 %)`,
    );
  }
}
const maxRss = Math.max(...rows.map((r) => r.peakRssMb ?? 0));
checks.push(
  `peak RSS over all runs: ${fmt(maxRss, 0)} MB at ${DOMAINS} domains (target ≤ 200 MB at 100,000: \`npm run bench -- --domains 100000 --latency 0 --workers 1\`)`,
);

// --no-startup: skip the start-up figures (they take ~40 short processes).
if (!flag("--no-startup")) log("start-up: measuring");
const startup = flag("--no-startup") ? null : measureStartup();
const base = startup?.cpu["node -e 0"];
const startupLines = startup
  ? [
      ...Object.entries(startup.cpu).map(
        ([name, ms]) => `\`${name}\` ${fmt(ms, 0)} ms CPU (${fmt(ms / base, 2)} × \`node -e 0\`)`,
      ),
      `fingerprints, cold first page (read, index, candidates compiled; \`bench/fingerprint-load.js\`) ${fmt(startup.fingerprintLoadMs, 0)} ms CPU (target ≤ 150)`,
    ]
  : ["not measured (--no-startup)"];

const rssSummary = rows
  .filter((r) => r.rssGrowth)
  .map((r) => `${r.label}: RSS after ${r.rssGrowth} of the domains`);
const errorSummary = rows
  .filter((r) => !r.criticalPath)
  .map(
    (r) =>
      `${r.label}: ${
        Object.entries(r.errorCodes)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none"
      }`,
  );

console.log("");
console.log(tableOf(rows));
console.log("");
for (const c of checks) console.log(`- ${c}`);
console.log(`- start-up: ${startupLines.join("; ")}`);
for (const n of notes) console.log(`- ${n}`);
for (const r of rssSummary) console.log(`- ${r}`);

const loadAfter = os.loadavg()[0];
const command = `node bench/run.js ${argv.join(" ")}`.trim();
const section = `<!-- bench:begin (written by bench/run.js; edit outside these markers) -->
## Latest run (${new Date().toISOString().slice(0, 10)})

${machine.cpus} CPUs (${machine.model}), ${fmt(machine.memoryGb)} GB, ${machine.platform}, Node ${machine.node}.
1-minute load average ${fmt(machine.loadBefore, 2)} before and ${fmt(loadAfter, 2)} after: anything
above 0 is other work on the same CPUs (the bench's own servers share them too), so wall-clock
figures are noisy; CPU ms per domain is the steadier one. Command: \`${command}\`; ${httpsNote}.

${tableOf(rows)}

${checks.map((c) => `- ${c}`).join("\n")}
- Start-up${startup ? `, median of ${startup.runs} interleaved runs` : ""}: ${startupLines.join("; ")}.
${notes.map((n) => `- ${n}`).join("\n")}
${rssSummary.map((e) => `- ${e}`).join("\n")}
- Errors recorded in the profiles: ${errorSummary.join("; ")}.
<!-- bench:end -->`;

if (!flag("--no-write")) {
  const file = join(ROOT, "BENCHMARKS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\n";
  const re = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  writeFileSync(file, re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}\n`);
  log("wrote BENCHMARKS.md");
}
