// The one-target view's sections after the providers: DNS, registration, network, HTTP/TLS,
// technologies and errors, as "key  value" lines wrapped to the terminal's width.
import type { NetworkEntry, Profile } from "../profile/types.js";
import type { Paint } from "./paint.js";
import { countryText, humanDate } from "./plain-values.js";
import { sanitize } from "./sanitize.js";
import { glue, hangingIndent } from "./wrap.js";

type Pair = [string, string | number | null | undefined | string[]];

/** A titled section; `body` lines are already wrapped. */
export function section(paint: Paint, title: string, body: string[]): string[] {
  return ["", paint("heading", title), ...body];
}

/** "  key  value" lines; empty values are left out, list values joined with ", ". */
export function pairs(rows: Pair[], width: number, none = "(none)"): string[] {
  const shown = rows
    .map(([k, v]): [string, string] => [
      k,
      Array.isArray(v) ? v.join(", ") : v == null ? "" : String(v),
    ])
    .filter(([, v]) => v !== "");
  if (shown.length === 0) return [`  ${none}`];
  const keyWidth = Math.max(...shown.map(([k]) => k.length));
  return shown.flatMap(([k, v]) => hangingIndent(`  ${k.padEnd(keyWidth)}  `, v, width));
}

/** The DNS section. */
export function dnsLines(p: Profile, width: number): string[] {
  const d = p.dns;
  return pairs(
    [
      ["A", d.a],
      ["AAAA", d.aaaa],
      ["CNAME", d.cname.join(" → ")],
      ["NS", d.ns],
      ["MX", d.mx.map((m) => `${m.preference} ${m.exchange}`)],
      ["TXT", d.txt.map((t) => `"${t}"`).join(" ")],
      ["SOA", d.soa ? `${d.soa.mname} ${d.soa.rname} ${d.soa.serial}` : null],
      ["CAA", d.caa.map((c) => `${c.flags} ${c.tag} "${c.value}"`)],
    ],
    width,
    "(no records)",
  );
}

/** The registration section: who, when (dates only), status, registrant. */
export function registrationLines(p: Profile, width: number): string[] {
  const r = p.registration;
  if (!r) return ["  (no RDAP or WHOIS answer)"];
  const registrant = r.registrant;
  const privacy = registrant?.privacyService
    ? `behind privacy service ${registrant.privacyService}`
    : registrant?.privacy
      ? "redacted for privacy"
      : null;
  const iana = r.registrar?.ianaId ? ` (IANA ID ${r.registrar.ianaId})` : "";
  return pairs(
    [
      ["source", `${r.source === "rdap" ? "RDAP" : "WHOIS"} ${r.server ?? ""}`.trim()],
      ["registrar", r.registrar?.name ? `${r.registrar.name}${iana}` : null],
      ["registry", r.registry],
      ["created", humanDate(r.created)],
      ["updated", humanDate(r.updated)],
      ["expires", humanDate(r.expires)],
      ["status", r.status],
      ["nameservers", r.nameservers],
      ["DNSSEC", r.dnssec === null ? null : r.dnssec ? "signed" : "unsigned"],
      [
        "registrant",
        [registrant?.organization, countryText(registrant?.country), privacy]
          .filter(Boolean)
          .join(", "),
      ],
    ],
    width,
  );
}

// Addresses with the same network, organisation and contact are said once.
function networkKey(n: NetworkEntry): string {
  return JSON.stringify([n.asn, n.asName, n.prefix, n.org, n.country, n.abuse]);
}

/** The network section: one line per network, listing its addresses. */
export function networkLines(p: Profile, width: number): string[] {
  if (p.network.length === 0) return ["  (no addresses)"];
  const groups = new Map<string, NetworkEntry[]>();
  for (const n of p.network) groups.set(networkKey(n), [...(groups.get(networkKey(n)) ?? []), n]);
  return [...groups.values()].flatMap((entries) => {
    const n = entries[0] as NetworkEntry;
    const addresses = entries.map((e) => (e.ptr ? `${e.ip} (${e.ptr})` : e.ip)).join(", ");
    const contact = n.abuse ? (n.abuse.email ?? n.abuse.url ?? n.abuse.phone) : null;
    const facts = [
      n.asn != null ? `AS${n.asn}${n.asName ? ` ${n.asName}` : ""}` : "AS unknown",
      n.prefix,
      [n.org, countryText(n.country)].filter(Boolean).join(", "),
      contact ? glue(`abuse ${sanitize(contact)}`) : null,
    ].filter(Boolean);
    return hangingIndent("  ", `${addresses}: ${facts.join(" · ")}`, width).map((l, i) =>
      i === 0 ? l : `    ${l.trimStart()}`,
    );
  });
}

/** The HTTP/TLS section. */
export function httpLines(p: Profile, width: number): string[] {
  const h = p.http;
  if (!h) {
    const skipped = p.sources.http?.status === "skipped";
    return [skipped ? "  not checked (--passive)" : "  (no answer; see Errors)"];
  }
  const t = h.tls;
  return pairs(
    [
      ["URL", h.url],
      ["final URL", h.finalUrl !== h.url ? h.finalUrl : null],
      ["status", h.status],
      ["redirects", h.redirects.join(" → ")],
      ["body", h.truncated ? "cut at --max-body (only its start was read)" : null],
      ["off-site", h.offsiteRedirect ? `redirects to ${h.offsiteRedirect} (not followed)` : null],
      ["server", h.headers.server],
      ["TLS issuer", t?.issuer],
      ["TLS subject", t?.subject],
      ["TLS SAN", t?.san],
      ["TLS valid", t ? `${humanDate(t.validFrom) ?? "?"} → ${humanDate(t.validTo) ?? "?"}` : null],
      ["TLS trusted", t ? (t.trusted ? "yes" : `no (${t.error ?? "reason not given"})`) : null],
      ["TLS SHA-256", t?.sha256 ? fingerprintGroups(t.sha256) : null],
    ],
    width,
  );
}

// A 95-character fingerprint is one word no terminal line holds: groups of 8 bytes can wrap.
function fingerprintGroups(sha256: string): string {
  const bytes = sha256.split(":");
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 8) groups.push(bytes.slice(i, i + 8).join(":"));
  return groups.join(" ");
}

/** The technologies section. */
export function technologyLines(p: Profile, width: number): string[] {
  if (p.technologies.length === 0) return ["  (none detected)"];
  return p.technologies.flatMap((t) =>
    hangingIndent(
      "  ",
      `${t.name}${t.version ? ` ${t.version}` : ""} (${t.categories.join(", ")})${t.thirdParty ? " [third-party asset]" : ""}`,
      width,
    ),
  );
}

/** The errors section: code, source, message; the code coloured. */
export function errorLines(p: Profile, paint: Paint, width: number): string[] {
  return p.errors.flatMap((e) =>
    hangingIndent(`  ${e.code} ${e.source}: `, e.message, width).map((l, i) => {
      if (i > 0) return l;
      const code = sanitize(e.code);
      // hangingIndent escaped the code and source; warnings (TRUNCATED, …) are not failures.
      return `  ${paint(e.severity === "warning" ? "warn" : "bad", code)}${l.slice(2 + code.length)}`;
    }),
  );
}
