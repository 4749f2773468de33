// Answers whose order carries no meaning (a resolver rotates A records, a server lists TXT
// strings as it likes) are sorted, so two runs over an unchanged world print the same.
import ipaddr from "ipaddr.js";

// An address as sortable bytes: IPv4 before IPv6, then numerically; unparsable text last.
function addressKey(text: string): string {
  try {
    const bytes = ipaddr.process(text).toByteArray();
    return `${bytes.length === 4 ? "4" : "6"}${bytes.map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  } catch {
    return `~${text}`;
  }
}

/** The addresses in numeric order (a new array). */
export function sortAddresses(addresses: readonly string[]): string[] {
  const keyed = addresses.map((a) => [addressKey(a), a] as const);
  return keyed.sort(([x], [y]) => compareText(x, y)).map(([, a]) => a);
}

/** Code-point order, independent of locale. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Strings in code-point order (a new array). */
export function sortText(values: readonly string[]): string[] {
  return [...values].sort(compareText);
}
