// The summary as CSV: one row per role × provider, plus "other", "unknown" and "failed" rows so
// every site of every role is counted somewhere (RFC 4180, formula cells escaped).
import { csvCell } from "../format/csv.js";
import { ROLES } from "../profile/types.js";
import type { ProviderShare, Summary } from "./types.js";

const HEADER = [
  "role",
  "kind",
  "provider",
  "services",
  "sites",
  "share",
  "share_of_known",
  "high",
  "medium",
  "low",
  "abuse_email",
  "abuse_url",
  "abuse_phone",
  "some_sites",
];

function providerRow(role: string, p: ProviderShare): unknown[] {
  return [
    role,
    "provider",
    p.name,
    p.services.map((s) => `${s.name}=${s.sites}`).join(";"),
    p.sites,
    p.share,
    p.shareOfKnown,
    p.confidence.high,
    p.confidence.medium,
    p.confidence.low,
    p.abuse?.email ?? "",
    p.abuse?.url ?? "",
    p.abuse?.phone ?? "",
    p.siteList.join(" "),
  ];
}

function countRow(role: string, kind: string, sites: number, total: number): unknown[] {
  const share = total ? Math.round((sites / total) * 10_000) / 10_000 : 0;
  const row: unknown[] = [role, kind, "", "", sites, share];
  while (row.length < HEADER.length) row.push("");
  return row;
}

/** Header and rows, CRLF-terminated. */
export function summaryCsv(s: Summary): string {
  const rows: unknown[][] = [HEADER];
  for (const role of ROLES) {
    const r = s.roles[role];
    for (const p of r.providers) rows.push(providerRow(role, p));
    if (r.untrackedSites) rows.push(countRow(role, "other", r.untrackedSites, s.sites));
    rows.push(countRow(role, "unknown", r.unknown, s.sites));
    rows.push(countRow(role, "failed", r.failed, s.sites));
  }
  return rows.map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}
