import { CommanderError } from "commander";
import type { FormatId } from "../format/types.js";
import type { ScanOptions } from "../scan/options.js";
import { parseShard, type Shard } from "../scan/shard.js";
import { sanitizeLine } from "./diagnostics.js";
import type { CliIO } from "./io.js";
import { program } from "./program.js";
import { need, scanOptions } from "./scan-options.js";
import type { ColorWhen } from "./terminal.js";

/** Everything the command line asked for, checked. */
export interface Invocation {
  options: ScanOptions;
  args: string[];
  /** Each -i FILE, in order; "-" is stdin. */
  inputs: string[];
  format: FormatId;
  shard: Shard | null;
  quiet: boolean;
  verbose: boolean;
  /** --color's value; false with --no-color. */
  color: ColorWhen | false;
}

/** The invocation, or the exit status when there is nothing to scan (--help, usage errors). */
export function parseInvocation(argv: string[], io: CliIO): Invocation | { exit: number } {
  const cmd = program(io);
  try {
    cmd.parse(argv, { from: "user" });
    const opts = cmd.opts();
    const options = scanOptions(opts, io.env);
    const explicit = cmd.getOptionValueSource("format") === "cli";
    const format = formatOf(opts, explicit ? (opts.format as FormatId) : null);
    const shard =
      opts.shard === undefined
        ? null
        : need(parseShard(opts.shard as string), "--shard: expected i/N with 1 ≤ i ≤ N");
    const quiet = Boolean(opts.quiet);
    return {
      options,
      args: cmd.args,
      inputs: (opts.input as string[] | undefined) ?? [],
      format,
      shard,
      quiet,
      verbose: Boolean(opts.verbose) && !quiet,
      color: opts.color as ColorWhen | false,
    };
  } catch (err) {
    if (err instanceof CommanderError) return { exit: err.exitCode === 0 ? 0 : 2 };
    io.stderr.write(`hostscan: ${sanitizeLine((err as Error).message)} (see hostscan --help)\n`);
    return { exit: 2 };
  }
}

// --json, --ndjson and an explicit --format must agree: which one "wins" would be a guess.
function formatOf(opts: Record<string, unknown>, explicit: FormatId | null): FormatId {
  const asked = new Set<string>();
  if (opts.json) asked.add("json");
  if (opts.ndjson) asked.add("ndjson");
  if (explicit) asked.add(explicit);
  if (asked.size > 1) throw new Error(`conflicting output formats: ${[...asked].join(", ")}`);
  return ([...asked][0] as FormatId | undefined) ?? "table";
}
