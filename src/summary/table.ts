// The summary for people: per role, the top providers with a bar of their share of the list,
// then the "write to" list. A pure view; every string from the data is sanitised.
import { Chalk, type ChalkInstance } from "chalk";
import { abuseText } from "../format/csv.js";
import { fitCell } from "../format/grid.js";
import { sanitize } from "../format/sanitize.js";
import { ROLES } from "../profile/types.js";
import type { ContactSummary, RoleSummary, Summary } from "./types.js";

export interface SummaryTableOptions {
  color: boolean;
  /** Providers shown per role; the rest are folded into one "other" line. */
  top: number;
  /** Contacts shown in "write to". */
  contacts: number;
}

const BAR = 20;
const NAME = 28;

/** Percentage with one decimal. */
export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

function bar(share: number): string {
  const full = Math.round(Math.min(1, Math.max(0, share)) * BAR);
  return `${"█".repeat(full)}${"·".repeat(BAR - full)}`;
}

/** The date part of an ISO time ("2026-12-04"), or "" when there is none. */
export const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : "");

/** "1,000 sites, scanned 2026-12-01 – 2026-12-04". */
export function subtitle(s: Summary): string {
  const from = day(s.scannedFrom);
  const to = day(s.scannedTo);
  const when = from && to ? (from === to ? `, scanned ${from}` : `, scanned ${from} – ${to}`) : "";
  const skipped = s.skipped ? ` (${s.skipped} malformed records skipped)` : "";
  return `${s.sites.toLocaleString("en-US")} sites${when}${skipped}`;
}

function line(label: string, count: number, total: number, rest: string): string {
  const share = total ? count / total : 0;
  return `  ${fitCell(label, NAME)} ${bar(share)} ${String(count).padStart(7)} ${percent(share).padStart(6)}${rest}`;
}

function roleBlock(r: RoleSummary, total: number, top: number, paint: ChalkInstance): string[] {
  const head =
    `${r.known} known · ${r.unknown} unknown · ${r.failed} failed` +
    (r.known
      ? ` · top-1 ${percent(r.top1Share)} · top-3 ${percent(r.top3Share)} · HHI ${r.hhi}`
      : "");
  const out = [`${paint.bold(r.role.toUpperCase().padEnd(10))} ${head}`];
  for (const p of r.providers.slice(0, top)) {
    const c = p.confidence;
    const contact = abuseText(p.abuse);
    out.push(
      line(
        p.name,
        p.sites,
        total,
        `  ${percent(p.shareOfKnown).padStart(6)} of known  high ${c.high} med ${c.medium} low ${c.low}` +
          (contact ? `  ${sanitize(contact)}` : ""),
      ),
    );
    if (p.services.length > 1 || (p.services[0] && p.services[0].name !== p.name)) {
      const services = p.services.map((s) => `${s.name} ${s.sites}`).join(", ");
      out.push(paint.dim(`      ${sanitize(services)}`));
    }
  }
  const rest = r.providers.slice(top);
  const restSites = rest.reduce((n, p) => n + p.sites, 0) + r.untrackedSites;
  if (restSites) out.push(line(`other (${rest.length} more providers)`, restSites, total, ""));
  if (r.unknown) out.push(paint.dim(line("unknown", r.unknown, total, "")));
  if (r.failed) out.push(paint.dim(line("failed", r.failed, total, "")));
  return out;
}

// Sites shown per contact in the terminal; --json and --html list up to --max-sites.
const CONTACT_SITES = 6;

function contactBlock(c: ContactSummary): string[] {
  const roles = c.roles.map((r) => `${r.role} ${r.sites}`).join(", ");
  const shown = c.sites.slice(0, CONTACT_SITES);
  const sites = shown.map((s) => `${s.site} (${s.roles.join(", ")})`).join(", ");
  const rest = c.siteCount - shown.length;
  const more = rest ? `, … +${rest} more` : "";
  return [
    `  ${sanitize(abuseText(c.contact))}  ${c.siteCount} sites — ${sanitize(c.providers.join(", "))}: ${roles}`,
    `      ${sanitize(sites)}${more}`,
  ];
}

/** The whole summary as terminal text. */
export function summaryTable(s: Summary, options: SummaryTableOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const out = [paint.bold(sanitize(s.title)), subtitle(s), ""];
  for (const role of ROLES) out.push(...roleBlock(s.roles[role], s.sites, options.top, paint), "");
  out.push(paint.bold("WRITE TO"));
  if (s.writeTo.length === 0) out.push("  (no abuse contact in these profiles)");
  for (const c of s.writeTo.slice(0, options.contacts)) out.push(...contactBlock(c));
  const hidden = s.writeTo.length - options.contacts;
  if (hidden > 0) out.push(`  … ${hidden} more contacts (--json lists them)`);
  if (s.untrackedContacts) out.push(`  … ${s.untrackedContacts} sites with contacts past the cap`);
  return `${out.join("\n")}\n`;
}
