// `hostscan diff OLD NEW`: what changed between two saved runs, target by target. Exit status
// as diff(1): 0 no change, 1 changes, 2 trouble (usage, unreadable input, skipped records).
import { type CliIO, writeOut } from "./io.js";
import { parseIntAtLeast } from "./parse-values.js";
import { openInput, profilesOf, type SkipLog, UnreadableInput } from "./saved-input.js";
import { need } from "./scan-options.js";
import {
  formatAsked,
  type Subcommand,
  subcommandProgram,
  usageFailure,
  wantsColor,
} from "./subcommand-kit.js";

const FORMATS = ["table", "json", "ndjson", "csv"] as const;

function program(io: CliIO) {
  return subcommandProgram(
    io,
    "diff",
    "What changed between two saved runs (NDJSON or JSON; - is stdin), target by target. " +
      "Exit status: 0 no change, 1 changes, 2 trouble.",
    FORMATS,
  )
    .argument("<old>", "the earlier run")
    .argument("<new>", "the later run")
    .option("--expiring <days>", "also report certificates expiring within this many days");
}

/** `hostscan diff` with its own arguments; returns the exit status. */
export const runDiff: Subcommand = async (argv, io) => {
  const cmd = program(io);
  let opts: Record<string, unknown>;
  let format: (typeof FORMATS)[number];
  let expiringDays: number | null = null;
  try {
    cmd.parse(argv, { from: "user" });
    opts = cmd.opts();
    format = formatAsked(opts, FORMATS);
    if (opts.expiring !== undefined)
      expiringDays = need(
        parseIntAtLeast(opts.expiring as string, 0),
        "--expiring: expected a number of days",
      );
    if (cmd.args[0] === "-" && cmd.args[1] === "-") throw new Error("only one input can be stdin");
  } catch (err) {
    return usageFailure(err, io, "diff");
  }
  const [oldName, newName] = cmd.args as [string, string];
  const quiet = Boolean(opts.quiet);
  const [{ pairUp }, { diffRecord }, { diffView }] = await Promise.all([
    import("../diff/pair-up.js"),
    import("../diff/diff-record.js"),
    import("../diff/views.js"),
  ]);
  const view = diffView(format, wantsColor(opts, io));
  const skips: SkipLog = { count: 0 };
  const totals = { compared: 0, changed: 0, appeared: 0, disappeared: 0 };
  try {
    const pairs = pairUp(
      profilesOf(oldName, openInput(oldName, io), io, skips, quiet),
      profilesOf(newName, openInput(newName, io), io, skips, quiet),
    );
    for await (const pair of pairs) {
      if (pair.old && pair.new) totals.compared++;
      const record = diffRecord(pair, { expiringDays });
      if (!record) continue;
      totals[record.status]++;
      await writeOut(io, view.push(record));
    }
  } catch (err) {
    if (!(err instanceof UnreadableInput)) throw err;
    io.stderr.write(`hostscan diff: ${err.message}\n`);
    return 2;
  }
  await writeOut(io, view.end(totals));
  if (skips.count > 0) {
    if (!quiet) io.stderr.write(`hostscan diff: ${skips.count} records skipped\n`);
    return 2;
  }
  return totals.changed + totals.appeared + totals.disappeared > 0 ? 1 : 0;
};
