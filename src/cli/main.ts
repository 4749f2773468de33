import { setMaxListeners } from "node:events";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { Profile } from "../profile/types.js";
import type { BatchOptions, BatchSummary } from "../scan/batch.js";
import type { ScanOptions } from "../scan/options.js";
import { runSignal } from "../scan/run-signal.js";
import { inShard, type Shard } from "../scan/shard.js";
import { systemResolvConf } from "../scan/system-resolvers.js";
import type { parseTarget } from "../scan/targets/normalize.js";
import { sanitizeLine, stderrLog } from "./diagnostics.js";
import { keepHeapSmall } from "./heap.js";
import { COUNT_FIRST_BYTES, countTargets, totalBytes, unreadableReason } from "./input-files.js";
import { type Invocation, parseInvocation } from "./invocation.js";
import { type CliIO, writeOut } from "./io.js";
import { ProgressDisplay } from "./progress.js";
import { subcommandOf } from "./subcommands.js";
import { outputWidth, useColor } from "./terminal.js";

export type { CliIO } from "./io.js";

// The scanning machinery (context with undici and dns-packet, the pipeline, formatters, tldts),
// imported only once there is something to scan: --version, --help and usage errors skip it.
async function loadScanner() {
  const [context, format, input, run, scan, targets] = await Promise.all([
    import("../scan/context.js"),
    import("../format/index.js"),
    import("./read-targets.js"),
    import("../scan/batch.js"),
    import("../scan/scan-input.js"),
    import("../scan/targets/normalize.js"),
  ]);
  return {
    createContext: context.createContext,
    formatters: format.formatters,
    readTargets: input.readTargets,
    runBatch: run.runBatch,
    scanInput: scan.scanInput,
    wasUnscannable: scan.wasUnscannable,
    parseTarget: targets.parseTarget,
  };
}

/** Runs hostscan with these arguments (without node and script) and returns the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const subcommand = await subcommandOf(argv);
  if (subcommand) return subcommand(argv.slice(1), io, main);
  const inv = parseInvocation(argv, io);
  if ("exit" in inv) return inv.exit;
  if (inv.inputs.length === 0 && inv.args.length === 0 && io.stdin.isTTY) {
    io.stderr.write("hostscan: no targets (give domains, -i FILE, or pipe them in); see --help\n");
    return 2;
  }
  const unreadable = await firstUnreadable(inv.inputs);
  if (unreadable) {
    io.stderr.write(`hostscan: cannot read input file ${sanitizeLine(unreadable)}\n`);
    return 2;
  }
  const scanner = await loadScanner();
  // Opened after the await, so an unreadable file's error finds readTargets listening.
  const streams = inputStreams(inv, io);
  const ctx = scanner.createContext(inv.options, {
    log: stderrLog(io, inv.quiet, inv.verbose),
    resolvConf: systemResolvConf(inv.options),
  });
  // The shape of the output follows the invocation: a list is anything but one argument.
  const list = streams.length > 0 || inv.args.length !== 1;
  const out = scanner.formatters[inv.format]({
    color: useColor(inv.color, io.stdout, io.env),
    width: outputWidth(io.stdout, io.env),
    fullEvidence: inv.verbose,
    list,
  });
  const total = streams.length === 0 ? inv.args.length : null;
  const showProgress = Boolean(io.stderr.isTTY) && !inv.quiet;
  const progress = new ProgressDisplay(io.stderr, showProgress, total);
  if (showProgress) await countInputs(inv, progress);
  let unscannable = 0;
  const emit = async (profile: Profile) => {
    progress.finished(profile.errors.some((e) => e.severity !== "warning"));
    if (scanner.wasUnscannable(profile)) unscannable += 1;
    const bad = profile.errors.find((e) => e.source === "input");
    if (bad) io.stderr.write(`hostscan: ${sanitizeLine(bad.message)}\n`);
    const text = out.push(profile);
    if (text) progress.clear();
    await writeOut(io, text);
  };
  const lines = shardFilter(scanner.readTargets(inv.args, streams), inv.shard, (line) =>
    shardKey(line, scanner.parseTarget),
  );
  let summary: BatchSummary;
  const run = runSignal(io.signal);
  try {
    summary = await scanner.runBatch(
      lines,
      (line, s) => scanner.scanInput(ctx, line, s),
      emit,
      batchPolicy(inv.options, run.signal, scanner.parseTarget),
    );
  } catch (err) {
    io.stderr.write(`hostscan: ${sanitizeLine((err as Error).message)}\n`);
    await ctx.close();
    return 2;
  } finally {
    run.dispose();
    progress.clear();
  }
  await writeOut(io, out.end());
  await ctx.close();
  if (showProgress && list) io.stderr.write(progress.tally(unscannable));
  return exitStatus(summary, unscannable, inv.shard, streams.length > 0, io);
}

/** Where the targets come from: each -i FILE, -i - (stdin), or stdin when no target is given. */
function inputStreams(inv: Invocation, io: CliIO): Readable[] {
  if (inv.inputs.length === 0) return inv.args.length === 0 ? [io.stdin] : [];
  // Stdin can be read once: a second "-" adds nothing.
  const files = [...new Set(inv.inputs)];
  return files.map((f) => (f === "-" ? io.stdin : createReadStream(f, { encoding: "utf8" })));
}

/** "FILE: reason" for the first -i FILE that cannot be read, or null. */
async function firstUnreadable(inputs: string[]): Promise<string | null> {
  for (const file of new Set(inputs)) {
    if (file === "-") continue;
    const reason = await unreadableReason(file);
    if (reason) return `${file}: ${reason}`;
  }
  return null;
}

// The progress line's total for regular files (not stdin, which can be read only once, nor
// with --shard, which keeps an unknown share): small files are counted before the scan starts,
// large ones alongside it.
async function countInputs(inv: Invocation, progress: ProgressDisplay): Promise<void> {
  if (inv.shard || inv.inputs.length === 0 || inv.inputs.includes("-")) return;
  const files = [...new Set(inv.inputs)];
  const counted = countTargets(files).then((n) => {
    if (n !== null) progress.setTotal(inv.args.length + n);
  });
  if ((await totalBytes(files)) <= COUNT_FIRST_BYTES) await counted;
}

/** Concurrency, the ordered-output window and duplicate suppression for a batch. */
function batchPolicy(
  options: ScanOptions,
  signal: AbortSignal | undefined,
  parse: typeof parseTarget,
): BatchOptions {
  return {
    concurrency: options.concurrency,
    // Must cover rate × a slow target's time, or every timeout stalls the whole batch
    // (256 halved bench throughput); costs at most `window` finished profiles of memory.
    window: Math.max(4096, options.concurrency * 64),
    signal: signal ?? new AbortController().signal,
    keyOf: (line) => {
      const parsed = parse(line);
      return parsed.ok ? `${parsed.target.host}|${parsed.target.url ?? ""}` : null;
    },
    dedupeEntries: 4096,
  };
}

/**
 * 130 interrupted, 2 nothing to scan, 1 some target unscannable, else 0. An empty list (a file
 * of comments) is not an error: only a command line with no targets at all is.
 */
function exitStatus(
  summary: BatchSummary,
  unscannable: number,
  shard: Shard | null,
  fromList: boolean,
  io: CliIO,
): number {
  if (summary.interrupted) return 130;
  if (summary.total === 0 && !shard && !fromList) {
    io.stderr.write("hostscan: no targets\n");
    return 2;
  }
  return unscannable > 0 ? 1 : 0;
}

function shardKey(line: string, parse: typeof parseTarget): string {
  const parsed = parse(line);
  return parsed.ok ? parsed.target.host : line.trim();
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
  keepHeapSmall();
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
