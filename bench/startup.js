// Start-up figures for BENCHMARKS.md: CPU of `--version` and `--help` against `node -e 0`
// (interleaved runs, medians), and of loading the fingerprints for a cold first page.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

// CPU (user + system) of one child process, from bash's `times` (children's line, 1 ms steps).
function childCpuMs(args) {
  const quoted = args.map((a) => `'${a}'`).join(" ");
  const out = spawnSync("bash", ["-c", `${quoted} >/dev/null 2>&1; times`], {
    cwd: ROOT,
    encoding: "utf8",
  }).stdout;
  const line = out.trim().split("\n")[1] ?? "";
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (secs.reduce((a, b) => a + b, 0) || Number.NaN) * 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over `runs` interleaved runs of each command, and the fingerprint load. */
export function measureStartup(runs = 11) {
  const node = process.execPath;
  const commands = {
    "node -e 0": [node, "-e", "0"],
    "hostscan --version": [node, "bin/hostscan.js", "--version"],
    "hostscan --help": [node, "bin/hostscan.js", "--help"],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const load = [];
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) samples[name].push(childCpuMs(args));
    const r = spawnSync(node, [join(ROOT, "bench/fingerprint-load.js")], { encoding: "utf8" });
    load.push(JSON.parse(r.stdout).cpuMs);
  }
  const cpu = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  return { runs, cpu, fingerprintLoadMs: median(load) };
}
