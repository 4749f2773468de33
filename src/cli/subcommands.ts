// `hostscan summary …` and `hostscan diff …`: recognised only as the very first argument, so
// a target with one of these names is scanned as `hostscan -- diff` or `hostscan diff.`.
import type { Subcommand } from "./subcommand-kit.js";

// Loaded on demand: the default command never pays for them.
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  summary: async () => (await import("./summary-command.js")).runSummary,
  diff: async () => (await import("./diff-command.js")).runDiff,
};

/** The subcommand argv starts with, if any. */
export async function subcommandOf(argv: readonly string[]): Promise<Subcommand | null> {
  const load = Object.hasOwn(SUBCOMMANDS, argv[0] ?? "") ? SUBCOMMANDS[argv[0] as string] : null;
  return load ? load() : null;
}

/** Lines for the default command's --help. */
export const SUBCOMMAND_HELP = `
Commands (first argument):
  hostscan summary [FILE...]    which companies serve a saved list (see summary --help)
  hostscan diff OLD NEW         what changed between two saved runs (see diff --help)
A target named "summary" or "diff": hostscan -- diff, or hostscan diff.`;
