import { sanitize } from "../format/sanitize.js";
import type { LogSink } from "../scan/context.js";
import type { CliIO } from "./io.js";

// Diagnostics carry strangers' text too (targets, server messages): escaped, one bounded line.
export function sanitizeLine(text: string): string {
  const line = sanitize(text);
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** Warnings unless --quiet; info and debug lines only with --verbose. */
export function stderrLog(io: CliIO, quiet: boolean, verbose: boolean): LogSink {
  return (level, message) => {
    if (level === "warn" && !quiet)
      io.stderr.write(`hostscan: warning: ${sanitizeLine(message)}\n`);
    else if (level !== "warn" && verbose) {
      io.stderr.write(`hostscan: ${level}: ${sanitizeLine(message)}\n`);
    }
  };
}
