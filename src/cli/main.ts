import { setMaxListeners } from "node:events";
import { createReadStream, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { Command, CommanderError, Option } from "commander";
import { sanitize } from "../format/sanitize.js";
import type { FormatId } from "../format/types.js";
import type { runBatch } from "../scan/batch.js";
import type { LogSink } from "../scan/context.js";
import type { ScanOptions } from "../scan/options.js";
import { inShard, parseShard, type Shard } from "../scan/shard.js";
import type { parseTarget } from "../scan/targets/normalize.js";
import { need, scanOptions } from "./scan-options.js";

/** What the CLI may touch of its process; tests pass fakes, `runProcess()` the real ones. */
export interface CliIO {
  stdout: {
    write(chunk: string): boolean;
    once?(event: "drain", cb: () => void): unknown;
    isTTY?: boolean;
    columns?: number;
  };
  stderr: { write(chunk: string): boolean; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT. */
  signal?: AbortSignal;
}

const collect = (value: string, previous: string[]) => [...previous, value];

// The --format choices, in help order (format/index.js is loaded only to scan; the Record type
// makes this list fail to compile when a FormatId is added or removed).
const FORMATS: Record<FormatId, true> = { table: true, json: true, ndjson: true, csv: true };
const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

// The scanning machinery (context with undici and dns-packet, the pipeline, formatters, tldts),
// imported only once there is something to scan: --version, --help and usage errors skip it.
async function loadScanner() {
  const [context, format, input, progress, run, scan, targets] = await Promise.all([
    import("../scan/context.js"),
    import("../format/index.js"),
    import("./read-targets.js"),
    import("./progress.js"),
    import("../scan/batch.js"),
    import("../scan/scan-input.js"),
    import("../scan/targets/normalize.js"),
  ]);
  return {
    createContext: context.createContext,
    formatters: format.formatters,
    readTargets: input.readTargets,
    progressLine: progress.progressLine,
    runBatch: run.runBatch,
    scanInput: scan.scanInput,
    wasUnscannable: scan.wasUnscannable,
    parseTarget: targets.parseTarget,
  };
}

function program(io: CliIO): Command {
  return new Command()
    .name("hostscan")
    .description("Which companies make this site work, and where do I report it?")
    .version(packageVersion(), "-V, --version")
    .argument("[targets...]", "domain names, URLs or e-mail addresses")
    .option("-i, --input <file>", "read targets, one per line; - is stdin")
    .addOption(
      new Option("-f, --format <fmt>", "output format").choices(FORMAT_IDS).default("table"),
    )
    .option("--json", "shorthand for --format json")
    .option("--ndjson", "shorthand for --format ndjson")
    .option("-c, --concurrency <n>", "targets scanned at once", "16")
    .option("-t, --timeout <ms>", "per network request", "5000")
    .option("--resolver <ip[:port]>", "DNS server, repeatable", collect, [])
    .option("--doh <url>", "DNS over HTTPS (RFC 8484) instead of UDP/TCP")
    .option(
      "--rdap-bootstrap <url>",
      "base URL of IANA's RDAP bootstrap files",
      "https://data.iana.org/rdap/",
    )
    .option(
      "--connect-to <H:P:CH:CP>",
      "connect to CH:CP when asked for H:P, repeatable",
      collect,
      [],
    )
    .option("--proxy <url>", "http://, https:// or socks5:// proxy for every HTTP request")
    .option("--passive", "DNS and RDAP/WHOIS only: never contact the target's own servers")
    .option("--allow-private", "permit HTTP/TLS to loopback, private and special-use addresses")
    .option("--no-color", "plain output")
    .option("--cache-dir <dir>", "on-disk cache of bootstrap files and other slow-changing data")
    .option("--no-cache", "do not use the on-disk cache")
    .option(
      "--whois-server <host[:port]>",
      "IANA WHOIS server asked for a TLD's WHOIS server",
      "whois.iana.org",
    )
    .option("--user-agent <ua>", 'User-Agent of the HTTP probe ("browser" for a browser-like one)')
    .option("--max-body <bytes>", "most of a page body read (decompressed)", String(1024 * 1024))
    .option("--per-server <n>", "most RDAP requests in flight to one server", "4")
    .option("--shard <i/N>", "keep only the targets whose host hash falls in shard i of N")
    .option("-q, --quiet", "no progress line, no warnings")
    .option("-v, --verbose", "diagnostics on stderr: every RDAP/WHOIS request, waits, retries")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
}

function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

function formatOf(o: Record<string, unknown>): FormatId {
  if (o.json) return "json";
  if (o.ndjson) return "ndjson";
  return o.format as FormatId;
}

function shardKey(line: string, parse: typeof parseTarget): string {
  const parsed = parse(line);
  return parsed.ok ? parsed.target.host : line.trim();
}

/** Runs hostscan with these arguments (without node and script) and returns the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const cmd = program(io);
  let opts: Record<string, unknown>;
  let options: ScanOptions;
  let shard: Shard | null = null;
  try {
    cmd.parse(argv, { from: "user" });
    opts = cmd.opts();
    options = scanOptions(opts, io.env);
    // --json, --ndjson and an explicit --format must agree: which one "wins" would be a guess.
    const asked = new Set<string>();
    if (opts.json) asked.add("json");
    if (opts.ndjson) asked.add("ndjson");
    if (cmd.getOptionValueSource("format") === "cli") asked.add(opts.format as string);
    if (asked.size > 1) throw new Error(`conflicting output formats: ${[...asked].join(", ")}`);
    if (opts.shard !== undefined) {
      shard = need(parseShard(opts.shard as string), "--shard: expected i/N with 1 ≤ i ≤ N");
    }
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr.write(`hostscan: ${(err as Error).message}\n`);
    return 2;
  }

  const args = cmd.args;
  const input = opts.input as string | undefined;
  if (!input && args.length === 0 && io.stdin.isTTY) {
    io.stderr.write("hostscan: no targets (give domains, -i FILE, or pipe them in); see --help\n");
    return 2;
  }
  const {
    createContext,
    formatters,
    readTargets,
    progressLine,
    runBatch,
    scanInput,
    wasUnscannable,
    parseTarget,
  } = await loadScanner();
  // Opened after the await, so an unreadable file's error finds readTargets listening.
  const streams: Readable[] = [];
  if (input === "-") streams.push(io.stdin);
  else if (input) streams.push(createReadStream(input, { encoding: "utf8" }));
  else if (args.length === 0) streams.push(io.stdin);

  const quiet = Boolean(opts.quiet);
  const verbose = Boolean(opts.verbose) && !quiet;
  const log: LogSink = (level, message) => {
    if (level === "warn" && !quiet)
      io.stderr.write(`hostscan: warning: ${sanitizeLine(message)}\n`);
    else if (level !== "warn" && verbose)
      io.stderr.write(`hostscan: ${level}: ${sanitizeLine(message)}\n`);
  };
  let resolvConf: string | null = null;
  if (options.resolvers.length === 0 && !options.doh) {
    try {
      resolvConf = readFileSync("/etc/resolv.conf", "utf8");
    } catch {
      resolvConf = null;
    }
  }
  const ctx = createContext(options, { log, resolvConf });
  const color = opts.color !== false && !io.env.NO_COLOR && Boolean(io.stdout.isTTY);
  const out = formatters[formatOf(opts)]({ color, width: io.stdout.columns ?? null });
  const signal = io.signal ?? new AbortController().signal;

  const showProgress = Boolean(io.stderr.isTTY) && !quiet;
  const total = streams.length === 0 ? args.length : null;
  const started = Date.now();
  let done = 0;
  let withErrors = 0;
  let unscannable = 0;
  let lastDraw = 0;

  const write = async (text: string) => {
    if (!text) return;
    if (!io.stdout.write(text) && io.stdout.once) {
      await new Promise<void>((resolve) => io.stdout.once?.("drain", resolve));
    }
  };

  const lines = shardFilter(readTargets(args, streams), shard, (line) =>
    shardKey(line, parseTarget),
  );
  let summary: Awaited<ReturnType<typeof runBatch>>;
  try {
    summary = await runBatch(
      lines,
      (line, s) => scanInput(ctx, line, s),
      async (profile) => {
        done += 1;
        if (profile.errors.length) withErrors += 1;
        if (wasUnscannable(profile)) unscannable += 1;
        const bad = profile.errors.find((e) => e.source === "input");
        if (bad) io.stderr.write(`hostscan: ${sanitizeLine(bad.message)}\n`);
        if (showProgress && Date.now() - lastDraw > 100) {
          lastDraw = Date.now();
          const line = progressLine({
            done,
            total,
            errors: withErrors,
            elapsedMs: lastDraw - started,
          });
          io.stderr.write(`\r\x1b[K${line}`);
        }
        const text = out.push(profile);
        if (showProgress && text) io.stderr.write("\r\x1b[K");
        await write(text);
      },
      {
        concurrency: options.concurrency,
        // Must cover rate × a slow target's time, or every timeout stalls the whole batch
        // (256 halved bench throughput); costs at most `window` finished profiles of memory.
        window: Math.max(4096, options.concurrency * 64),
        signal,
        keyOf: (line) => {
          const parsed = parseTarget(line);
          return parsed.ok ? `${parsed.target.host}|${parsed.target.url ?? ""}` : null;
        },
        dedupeEntries: 4096,
      },
    );
  } catch (err) {
    io.stderr.write(`hostscan: ${sanitizeLine((err as Error).message)}\n`);
    await ctx.close();
    return 2;
  } finally {
    if (showProgress) io.stderr.write("\r\x1b[K");
  }
  await write(out.end());
  await ctx.close();
  if (summary.interrupted) return 130;
  if (summary.total === 0 && !shard) {
    io.stderr.write("hostscan: no targets\n");
    return 2;
  }
  return unscannable > 0 ? 1 : 0;
}

// Diagnostics carry strangers' text too (targets, server messages): escaped, one bounded line.
function sanitizeLine(text: string): string {
  const line = sanitize(text);
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

async function* shardFilter(
  lines: AsyncIterable<string>,
  shard: Shard | null,
  keyOf: (line: string) => string,
): AsyncGenerator<string> {
  for await (const line of lines) {
    if (!shard || inShard(keyOf(line), shard)) yield line;
  }
}

/** The real process: argv, stdio, env, SIGINT → exit 130. */
export async function runProcess(): Promise<never> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  process.once("SIGINT", () => controller.abort());
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
  });
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: controller.signal,
  });
  // Let stdout drain before exiting: a pipe may still hold the last result.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}
