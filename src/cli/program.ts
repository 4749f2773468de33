import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import type { FormatId } from "../format/types.js";
import { HELP_AFTER, usageLine } from "./help.js";
import type { CliIO } from "./io.js";
import { SUBCOMMAND_HELP } from "./subcommands.js";
import { COLOR_WHEN } from "./terminal.js";

// The --format choices, in help order (format/index.js is loaded only to scan; the Record type
// makes this list fail to compile when a FormatId is added or removed).
const FORMATS: Record<FormatId, true> = { table: true, json: true, ndjson: true, csv: true };
const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

// Repeatable options start undefined, so --help shows no "(default: [])".
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The command line hostscan understands, writing its own messages to the given streams. */
export function program(io: CliIO): Command {
  return new Command()
    .name("hostscan")
    .description("Which companies make this site work, and where do I report it?")
    .version(packageVersion(), "-V, --version")
    .argument("[targets...]", "domain names, URLs or e-mail addresses")
    .option("-i, --input <file>", "read targets, one per line; - is stdin; repeatable", collect)
    .addOption(
      new Option("-f, --format <fmt>", "output format").choices(FORMAT_IDS).default("table"),
    )
    .option("--json", "shorthand for --format json")
    .option("--ndjson", "shorthand for --format ndjson")
    .option("-c, --concurrency <n>", "targets scanned at once", "16")
    .option("-t, --timeout <ms>", "per network request", "5000")
    .option("--resolver <ip[:port]>", "DNS server, repeatable", collect)
    .option("--doh <url>", "DNS over HTTPS (RFC 8484) instead of UDP/TCP")
    .option(
      "--rdap-bootstrap <url>",
      "base URL of IANA's RDAP bootstrap files",
      "https://data.iana.org/rdap/",
    )
    .option("--connect-to <H:P:CH:CP>", "connect to CH:CP when asked for H:P, repeatable", collect)
    .option("--proxy <url>", "http://, https:// or socks5:// proxy for every HTTP request")
    .option("--passive", "DNS and RDAP/WHOIS only: never contact the target's own servers")
    .option("--allow-private", "permit HTTP/TLS to loopback, private and special-use addresses")
    .addOption(
      new Option("--color <when>", "colour the table: auto (on a terminal), always, never")
        .choices(COLOR_WHEN)
        .default("auto"),
    )
    .option("--no-color", "same as --color never")
    .option("--cache-dir <dir>", "on-disk cache of bootstrap files and other slow-changing data")
    .option("--no-cache", "do not use the on-disk cache")
    .option(
      "--whois-server <host[:port]>",
      "IANA WHOIS server asked for a TLD's WHOIS server",
      "whois.iana.org",
    )
    .option("--user-agent <ua>", 'User-Agent of the HTTP probe ("browser" for a browser-like one)')
    .option(
      "--max-body <size>",
      "most of a page body read, decompressed (bytes, or 512k, 1M)",
      "1M",
    )
    .option("--per-server <n>", "most RDAP requests in flight to one server", "4")
    .option("--shard <i/N>", "keep only the targets whose host hash falls in shard i of N")
    .option("-q, --quiet", "no progress line, no warnings")
    .option(
      "-v, --verbose",
      "every evidence line in the table; diagnostics on stderr (DNS, RDAP/WHOIS, HTTP requests)",
    )
    .addHelpText("after", HELP_AFTER)
    .addHelpText("after", SUBCOMMAND_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageLine(s)),
    });
}

/** hostscan's version, from the package.json beside dist/. */
export function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
