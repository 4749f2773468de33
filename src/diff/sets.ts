// Set comparison for lists whose order is noise (nameservers, MX hosts, networks, errors).

/** Members of `next` not in `prev`, and of `prev` not in `next`, each sorted; keys compared. */
export function setDiff(
  prev: readonly string[],
  next: readonly string[],
  key: (s: string) => string = (s) => s,
): { added: string[]; removed: string[] } {
  const before = new Map(prev.map((s) => [key(s), s]));
  const after = new Map(next.map((s) => [key(s), s]));
  const added = [...after].filter(([k]) => !before.has(k)).map(([, s]) => s);
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, s]) => s);
  return { added: added.sort(), removed: removed.sort() };
}

/** Host names compared as DNS does: case-insensitive, trailing dot optional. */
export const hostKey = (name: string): string => name.toLowerCase().replace(/\.$/, "");
