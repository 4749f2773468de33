import { isUnregistered } from "../profile/outcome.js";
import type { Profile, Provider, Role } from "../profile/types.js";
import { ROLES } from "../profile/types.js";
import { type Paint, painter } from "./paint.js";
import { hostText } from "./plain-values.js";
import { firstContact, ROLE_LABELS } from "./role-words.js";
import { sanitize } from "./sanitize.js";
import { renderDetail } from "./table-detail.js";
import type { FormatOptions, Formatter } from "./types.js";
import { glue, wrapWords } from "./wrap.js";

// Roles whose contact a report about the site itself goes to, in the order a person asks.
const CONTACT_ROLES: Role[] = ["hosting", "cdn", "platform", "registrar", "dns", "email"];

/** The legend printed after the blocks of several targets. */
export const LEGEND =
  "Legend: confidence is high unless marked (medium) or (low); roles not found are left out; " +
  "report lists each distinct abuse contact with the roles it serves; -v or one target shows the evidence.";

// "Cloudflare AS13335 (medium)": name, AS, note, and the confidence when it is not high.
function providerShort(p: Provider): string {
  const asn = p.asn != null ? ` AS${p.asn}` : "";
  const marks = [p.note, p.confidence === "high" ? null : p.confidence].filter(Boolean);
  return `${p.name}${asn}${marks.length ? ` (${marks.join(", ")})` : ""}`;
}

// Items joined by " · " and wrapped between items where they fit (inside one only when it is
// longer than a line), indented under the host. No-break spaces hold an item together.
function flow(label: string, items: string[], width: number): string[] {
  const room = width - 2 - label.length;
  const glued = items.map((i) => sanitize(i)).map((i) => (i.length + 2 <= room ? glue(i) : i));
  // The separator sticks to the item before it, so no line starts with "·".
  return wrapWords(glued.join(`${glue(" ·")} `), room).map(
    (l, i) => `  ${i === 0 ? label : " ".repeat(label.length)}${l}`,
  );
}

/** One target's block: host, providers by role, the contacts that matter, error codes. */
export function targetBlock(p: Profile, options: FormatOptions, paint: Paint): string {
  const width = Math.max(60, options.width);
  const head = paint("title", hostText(p.host ?? p.target));
  const input = p.errors.find((e) => e.source === "input");
  if (input) return `${paint("title", p.target)}  ${paint("bad", `cannot scan: ${input.code}`)}\n`;
  if (isUnregistered(p)) return `${head}  ${paint("bad", "no such domain")}\n`;
  const roles = ROLES.flatMap((r) => {
    const prov = p.providers[r];
    return prov ? [`${ROLE_LABELS[r]} ${providerShort(prov)}`] : [];
  });
  const contacts = new Map<string, string[]>();
  for (const r of CONTACT_ROLES) {
    const c = firstContact(p.providers[r]);
    if (c) contacts.set(c, [...(contacts.get(c) ?? []), ROLE_LABELS[r]]);
  }
  const report = [...contacts].map(([c, rs]) => `${c} (${rs.join(", ")})`);
  const codes = [...new Set(p.errors.map((e) => e.code))];
  const lines = [
    ...flow("", roles.length ? roles : ["no provider found"], width),
    ...(report.length ? flow("report: ", report, width) : []),
    ...(codes.length ? [`  ${paint("bad", `errors: ${codes.join(", ")}`)}`] : []),
  ];
  return `${head}\n${lines.join("\n")}\n`;
}

/**
 * Exactly one target on the command line gets the detailed view; a list gets one block per
 * target as each is done, and a legend at the end.
 */
export const tableFormatter: Formatter = (options) => {
  const paint = painter(options.color);
  let count = 0;
  if (!options.list) return { push: (p) => renderDetail(p, options), end: () => "" };
  return {
    push(profile) {
      count += 1;
      return `${count > 1 ? "\n" : ""}${targetBlock(profile, options, paint)}`;
    },
    end() {
      if (count === 0) return "";
      const legend = wrapWords(LEGEND, Math.max(60, options.width)).map((l) => paint("dim", l));
      return `\n${legend.join("\n")}\n`;
    },
  };
};
