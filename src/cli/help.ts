// The text `--help` adds after the options: examples, exit statuses, environment.

export const HELP_AFTER = `
Examples:
  hostscan example.org                       the providers of one site, as a table
  hostscan --json https://www.example.org/x  one JSON object (an array for a list)
  hostscan --ndjson -i domains.txt > out     one JSON object per line, in input order
  hostscan -f csv -i - < domains.txt         CSV with every role's provider and contact
  hostscan --passive abuse@example.org       DNS and RDAP/WHOIS only; the site is not contacted

Exit status:
  0    every target was scanned (failed sources are listed in "errors")
  1    at least one target could not be scanned (invalid, no such domain, every source failed)
  2    usage error (unknown flag, bad value, unreadable input file)
  130  interrupted (Ctrl-C), after writing every finished result

Environment:
  NO_COLOR                   no colour (unless --color always)
  FORCE_COLOR                colour even when not a terminal ("0" turns it off)
  COLUMNS                    table width when stdout is not a terminal (else 80)
  HTTPS_PROXY, HTTP_PROXY    proxy for HTTP requests (see --proxy); NO_PROXY lists exceptions
  XDG_CACHE_HOME             where the cache lives (default ~/.cache/hostscan)
`;

/** A commander error message as one hostscan line, pointing to --help. */
export function usageLine(commanderMessage: string): string {
  const text = commanderMessage.trim().replace(/^error:\s*/i, "");
  return `hostscan: ${text} (see hostscan --help)\n`;
}
