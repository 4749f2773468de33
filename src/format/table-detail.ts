import { isUnregistered } from "../profile/outcome.js";
import type { AbuseSource, Profile, Role } from "../profile/types.js";
import { ROLES } from "../profile/types.js";
import { condenseEvidence } from "./condense-evidence.js";
import {
  dnsLines,
  errorLines,
  httpLines,
  networkLines,
  registrationLines,
  section,
  technologyLines,
} from "./detail-sections.js";
import { type GridColumn, renderGrid } from "./grid.js";
import { type Paint, painter } from "./paint.js";
import { hostText } from "./plain-values.js";
import {
  CONFIDENCE_STYLE,
  contactHint,
  firstContact,
  missingText,
  providerText,
  ROLE_LABELS,
} from "./role-words.js";
import { sanitize } from "./sanitize.js";
import type { FormatOptions } from "./types.js";
import { hangingIndent, wrapWords } from "./wrap.js";

/**
 * Where a contact comes from, in plain words: "(published by the provider)", "(from the
 * network's RIR record)"; the JSON's `abuseSource` has it in full.
 */
export function abuseVia(source: AbuseSource | undefined): string | null {
  if (!source) return null;
  if (source.via) {
    const how = source.via.relation === "runs" ? "which runs it" : "which owns it";
    return `(through ${sanitize(source.via.name)}, ${how})`;
  }
  switch (source.kind) {
    case "catalogue":
      return source.secondary
        ? "(published by the provider; found only in a copy)"
        : "(published by the provider)";
    case "network-rdap":
      return "(from the network's RIR record)";
    case "iana":
      return "(from IANA's root zone database)";
    case "registrar-rdap":
      return "(from RDAP registration data)";
    case "registry-rdap":
      return "(from the registry's RDAP record)";
    case "registrar-whois":
      return "(from WHOIS registration data)";
    case "registry-whois":
      return "(from the registry's WHOIS record)";
  }
}

// The narrowest layout the columns allow; a narrower terminal overflows rather than garbles.
const MIN_WIDTH = 60;

/** The first screen: one line per role with provider, confidence and where to report. */
function summaryLines(p: Profile, paint: Paint, width: number): string[] {
  const rest = width - 11 - 6 - 3 * 2;
  const providerWidth = Math.floor(rest * 0.45);
  const columns: GridColumn[] = [
    { header: "ROLE", maxWidth: 11 },
    { header: "PROVIDER", maxWidth: providerWidth },
    {
      header: "CONF",
      maxWidth: 6,
      style: (c) => (c === "high" || c === "medium" || c === "low" ? CONFIDENCE_STYLE[c] : null),
    },
    {
      header: "WHERE TO REPORT",
      maxWidth: rest - providerWidth,
      style: (c) => (c.startsWith("(") ? "dim" : null),
    },
  ];
  const rows = ROLES.map((role) => {
    const prov = p.providers[role];
    const hint = contactHint(p, role) ?? (prov ? "no channel found" : null);
    return [
      ROLE_LABELS[role],
      prov ? providerText(prov) : missingText(p, role),
      prov?.confidence ?? "",
      firstContact(prov) ?? (hint ? `(${hint})` : ""),
    ];
  });
  return renderGrid(columns, rows, { width, paint });
}

/** Every channel of a role and where it comes from: "abuse@x · https://… (via catalogue)". */
function contactsLine(p: Profile, role: Role): string | null {
  const prov = p.providers[role];
  if (!prov) return null;
  const channels = [prov.abuse.email, prov.abuse.url, prov.abuse.phone].filter(Boolean);
  if (channels.length === 0) return null;
  const via = abuseVia(prov.abuseSource);
  return `report: ${channels.join(" · ")}${via ? ` ${via}` : ""}`;
}

/** Evidence per role, each signal once, capped unless `full`. */
function evidenceLines(p: Profile, paint: Paint, width: number, full: boolean): string[] {
  const condensed = condenseEvidence(p.providers, ROLES, full);
  const rows = ROLES.flatMap((role) => {
    const lines = condensed.get(role);
    if (!lines) return [];
    const contacts = contactsLine(p, role);
    return [[ROLE_LABELS[role], [...lines, ...(contacts ? [contacts] : [])]] as const];
  });
  const out: string[] = [];
  const lead = 2 + 11 + 2;
  for (const [label, lines] of rows) {
    // "certificate authority" takes two lines of the label column.
    const cut = label.length > 11 ? label.indexOf(" ") : -1;
    const labels = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
    const physical = lines.flatMap((line) => {
      const quiet = line.startsWith("+") || line.startsWith("same ");
      return wrapWords(sanitize(line), Math.max(20, width - lead)).map((w) => ({ w, quiet }));
    });
    while (physical.length < labels.length) physical.push({ w: "", quiet: false });
    physical.forEach(({ w, quiet }, i) => {
      const text = quiet ? paint("dim", w) : w;
      out.push(`  ${(labels[i] ?? "").padEnd(11)}  ${text}`.trimEnd());
    });
  }
  return out;
}

/** A target with nothing to show: an invalid line or a domain nobody registered. */
function shortAnswer(p: Profile, paint: Paint, width: number): string | null {
  const input = p.errors.find((e) => e.source === "input");
  if (input) {
    return `${hangingIndent(`${paint("bad", "cannot scan")} `, `${input.message} (${input.code})`, width).join("\n")}\n`;
  }
  if (isUnregistered(p)) {
    const what = `${hostText(p.host ?? p.target)}: no such domain`;
    const why = "(DNS: NXDOMAIN; the registry has no record of it)";
    return `${hangingIndent("", `${paint("title", what)} ${why}`, width).join("\n")}\n`;
  }
  return null;
}

/** The one-target view: the providers first, their evidence, then DNS, registration, … */
export function renderDetail(p: Profile, options: FormatOptions): string {
  const paint = painter(options.color);
  const width = Math.max(MIN_WIDTH, options.width);
  const short = shortAnswer(p, paint, width);
  if (short) return short;
  const title = paint("title", hostText(p.host ?? p.target));
  const domain = p.domain && p.domain !== p.host ? `  (domain ${sanitize(p.domain)})` : "";
  const out = [`${title}${domain}`, "", ...summaryLines(p, paint, width)];
  out.push(...section(paint, "Evidence", evidenceLines(p, paint, width, options.fullEvidence)));
  out.push(...section(paint, "DNS", dnsLines(p, width)));
  out.push(...section(paint, "Registration", registrationLines(p, width)));
  out.push(...section(paint, "Network", networkLines(p, width)));
  out.push(...section(paint, "HTTP/TLS", httpLines(p, width)));
  out.push(...section(paint, "Technologies", technologyLines(p, width)));
  if (p.errors.length) out.push(...section(paint, "Errors", errorLines(p, paint, width)));
  return `${out.join("\n")}\n`;
}
