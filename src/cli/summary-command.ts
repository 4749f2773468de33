// `hostscan summary`: reads saved profiles (or scans targets first with --scan) and prints which
// companies serve the list; --chart, --html and --vega write the infographic.
import { writeFile } from "node:fs/promises";
import { PassThrough } from "node:stream";
import { safeJson, sanitize } from "../format/sanitize.js";
import type { SavedProfile } from "../saved/saved-profile.js";
import type { Summary } from "../summary/types.js";
import { type CliIO, writeOut } from "./io.js";
import { parseIntAtLeast } from "./parse-values.js";
import { inputLabel, openInput, profilesOf, type SkipLog, UnreadableInput } from "./saved-input.js";
import { need } from "./scan-options.js";
import {
  formatAsked,
  type Subcommand,
  subcommandProgram,
  usageFailure,
  wantsColor,
} from "./subcommand-kit.js";

const FORMATS = ["table", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];

function program(io: CliIO) {
  return subcommandProgram(
    io,
    "summary",
    "Which companies serve a list of sites: per role, each provider's sites and share, and " +
      "whom to write to. Reads saved profiles (NDJSON or a JSON array; - is stdin), or with " +
      "--scan scans the targets first (any scan option may follow, e.g. -i LIST).",
    FORMATS,
  )
    .argument("[files...]", "saved hostscan output (--ndjson or --json); - is stdin")
    .option("--chart <file.svg>", "write the infographic as SVG")
    .option("--html <file.html>", "write the infographic as one self-contained HTML page")
    .option("--vega <file.json>", "write the chart's Vega-Lite specification")
    .option("--title <text>", "the list's name in titles (default: the file names)")
    .option("--top <n>", "providers shown per role in the table and chart", "10")
    .option("--max-sites <n>", "sites listed per provider and per contact", "20")
    .option("--scan", "scan the targets (arguments, -i LIST, stdin) first, then summarise")
    .allowUnknownOption();
}

/** Profiles from the saved inputs, one after another. */
async function* savedProfiles(
  files: string[],
  io: CliIO,
  skips: SkipLog,
  quiet: boolean,
): AsyncGenerator<SavedProfile> {
  for (const name of files) yield* profilesOf(name, openInput(name, io), io, skips, quiet);
}

/** Profiles from scanning: the default command writes NDJSON into a pipe read as it comes. */
function scannedProfiles(
  scanArgs: string[],
  io: CliIO,
  scan: Parameters<Subcommand>[2],
  skips: SkipLog,
): { profiles: AsyncGenerator<SavedProfile>; status: Promise<number> } {
  const pipe = new PassThrough({ encoding: "utf8" });
  const status = scan([...scanArgs, "--ndjson"], {
    ...io,
    stdout: { write: (s) => pipe.write(s), once: (e, cb) => pipe.once(e, cb) },
  }).finally(() => pipe.end());
  return { profiles: profilesOf("scan", pipe, io, skips, true), status };
}

/** `hostscan summary` with its own arguments; returns the exit status. */
export const runSummary: Subcommand = async (argv, io, scan) => {
  const cmd = program(io);
  let opts: Record<string, unknown>;
  let format: Format;
  let top: number;
  let maxSites: number;
  try {
    cmd.parse(argv, { from: "user" });
    opts = cmd.opts();
    format = formatAsked(opts, FORMATS);
    top = need(parseIntAtLeast(opts.top as string, 1), "--top: expected a whole number ≥ 1");
    maxSites = need(parseIntAtLeast(opts.maxSites as string, 0), "--max-sites: expected ≥ 0");
    const unknown = cmd.args.find((a) => a.startsWith("-") && a !== "-");
    if (!opts.scan && unknown)
      throw new Error(`unknown option '${unknown}' (scan options need --scan)`);
  } catch (err) {
    return usageFailure(err, io, "summary");
  }
  const quiet = Boolean(opts.quiet);
  const files = cmd.args.length ? cmd.args : ["-"];
  if (!opts.scan && cmd.args.length === 0 && io.stdin.isTTY) {
    io.stderr.write("hostscan summary: no input (give saved files, - for stdin, or --scan)\n");
    return 2;
  }
  const skips: SkipLog = { count: 0 };
  const scanned = opts.scan ? scannedProfiles(cmd.args, io, scan, skips) : null;
  const title =
    (opts.title as string | undefined) ??
    (scanned ? "hostscan summary" : files.map(inputLabel).join(", "));

  const { createTally } = await import("../summary/tally.js");
  const tally = createTally({ title, maxSites });
  try {
    const profiles = scanned ? scanned.profiles : savedProfiles(files, io, skips, quiet);
    for await (const profile of profiles) tally.add(profile);
  } catch (err) {
    if (!(err instanceof UnreadableInput)) throw err;
    io.stderr.write(`hostscan summary: ${err.message}\n`);
    return 2;
  }
  const scanStatus = scanned ? await scanned.status : 0;
  if (scanStatus === 2 || scanStatus === 130) return scanStatus;
  const summary = tally.result(skips.count);

  await writeOut(io, await render(summary, format, { color: wantsColor(opts, io), top }));
  try {
    await writeCharts(summary, opts, top);
  } catch (err) {
    io.stderr.write(`hostscan summary: ${sanitize((err as Error).message)}\n`);
    return 2;
  }
  return skips.count > 0 ? 1 : 0;
};

async function render(
  summary: Summary,
  format: Format,
  options: { color: boolean; top: number },
): Promise<string> {
  if (format === "json") return `${safeJson(summary, 2)}\n`;
  if (format === "csv") return (await import("../summary/csv.js")).summaryCsv(summary);
  const { summaryTable } = await import("../summary/table.js");
  return summaryTable(summary, { color: options.color, top: options.top, contacts: 15 });
}

/** --vega, --chart and --html; the charting library is loaded only when one is asked for. */
async function writeCharts(summary: Summary, opts: Record<string, unknown>, top: number) {
  const want = (key: string) => opts[key] as string | undefined;
  if (!want("vega") && !want("chart") && !want("html")) return;
  const { chartSpec } = await import("../summary/chart-spec.js");
  const spec = chartSpec(summary, { top: Math.min(top, 12) });
  const vega = want("vega");
  if (vega) await writeFile(vega, `${safeJson(spec, 2)}\n`);
  const chart = want("chart");
  const page = want("html");
  if (!chart && !page) return;
  const { renderSvg } = await import("../summary/render-svg.js");
  const svg = await renderSvg(spec);
  if (chart) await writeFile(chart, svg);
  if (page) await writeFile(page, (await import("../summary/html.js")).summaryHtml(summary, svg));
}
