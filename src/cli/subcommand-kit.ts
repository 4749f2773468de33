// What summary and diff share at the process boundary: their signature, their commander
// setup, the format shorthands and usage errors.
import { Command, CommanderError, Option } from "commander";
import { sanitize } from "../format/sanitize.js";
import type { CliIO } from "./io.js";

/** A subcommand's program with -f and its shorthands, -q and --no-color; errors come back. */
export function subcommandProgram(
  io: CliIO,
  name: string,
  description: string,
  formats: readonly string[],
): Command {
  const cmd = new Command()
    .name(`hostscan ${name}`)
    .description(description)
    .addOption(new Option("-f, --format <fmt>", "output format").choices(formats));
  for (const f of formats.filter((f) => f !== "table"))
    cmd.option(`--${f}`, `shorthand for --format ${f}`);
  return cmd
    .option("-q, --quiet", "no warnings")
    .option("--no-color", "plain output")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
}

/** The one format asked for (shorthands and -f must agree), else the table. */
export function formatAsked<F extends string>(
  o: Record<string, unknown>,
  formats: readonly F[],
): F {
  const asked = new Set<string>(formats.filter((f) => o[f] === true));
  if (o.format) asked.add(o.format as string);
  if (asked.size > 1) throw new Error(`conflicting output formats: ${[...asked].join(", ")}`);
  return ([...asked][0] as F | undefined) ?? ("table" as F);
}

/** Exit status for a failed parse: 0 after --help/--version, else 2 with the message. */
export function usageFailure(err: unknown, io: CliIO, name: string): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  io.stderr.write(`hostscan ${name}: ${sanitize((err as Error).message)}\n`);
  return 2;
}

/** Colour only for a terminal, and never with NO_COLOR or --no-color. */
export const wantsColor = (o: Record<string, unknown>, io: CliIO): boolean =>
  o.color !== false && !io.env.NO_COLOR && Boolean(io.stdout.isTTY);

/** Runs a subcommand with its own arguments; `scan` is the default command, for `--scan`. */
export type Subcommand = (
  argv: string[],
  io: CliIO,
  scan: (argv: string[], io: CliIO) => Promise<number>,
) => Promise<number>;
