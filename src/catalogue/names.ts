// Domain-name patterns: a suffix of labels, where a label may hold `*` (any letters, digits and
// hyphens) or `#` (one digit): `inbound-smtp.*.amazonaws.com`, `awsdns-##.com`.

/** Lower-case, without the trailing dot of an absolute name. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** A compiled pattern: one matcher per label, right-most last. */
export interface NamePattern {
  text: string;
  labels: (string | RegExp)[];
  /** The literal labels to the right of the right-most wildcard label, joined (index key). */
  key: string;
}

/** Compiles a pattern; throws on an empty label. */
export function compileNamePattern(text: string): NamePattern {
  const parts = normaliseName(text).split(".");
  if (parts.some((p) => p.length === 0)) throw new Error(`empty label in pattern "${text}"`);
  const labels = parts.map((p) => (/[*#]/.test(p) ? labelRegExp(p) : p));
  let lastWild = -1;
  labels.forEach((l, i) => {
    if (typeof l !== "string") lastWild = i;
  });
  return { text, labels, key: parts.slice(lastWild + 1).join(".") };
}

/** True when `name` equals the pattern or ends with it on a label boundary. */
export function nameMatches(pattern: NamePattern, name: string): boolean {
  const labels = normaliseName(name).split(".");
  const offset = labels.length - pattern.labels.length;
  if (offset < 0) return false;
  return pattern.labels.every((p, i) => {
    const label = labels[offset + i] ?? "";
    return typeof p === "string" ? p === label : p.test(label);
  });
}

/** Every suffix of a name, longest first: a.b.c → a.b.c, b.c, c. */
export function nameSuffixes(name: string): string[] {
  const labels = normaliseName(name).split(".");
  return labels.map((_, i) => labels.slice(i).join("."));
}

/** A label pattern with `*` and `#` as a whole-label regular expression. */
function labelRegExp(label: string): RegExp {
  const body = [...label]
    .map((c) => (c === "*" ? "[a-z0-9-]*" : c === "#" ? "[0-9]" : escapeRegExp(c)))
    .join("");
  return new RegExp(`^${body}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
