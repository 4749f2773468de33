import { Chalk } from "chalk";
import type { AbuseSource, Profile } from "../profile/types.js";
import { ROLES } from "../profile/types.js";
import { abuseText } from "./csv.js";
import { renderGrid } from "./grid.js";
import { sanitize } from "./sanitize.js";

type Paint = InstanceType<typeof Chalk>;

function section(paint: Paint, title: string, body: string): string {
  return `\n${paint.bold.underline(title)}\n${body}`;
}

// A list value prints one item per line, aligned under the first.
function pairs(rows: [string, unknown][]): string {
  const shown = rows.filter(
    ([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0),
  );
  if (shown.length === 0) return "  (none)\n";
  const width = Math.max(...shown.map(([k]) => k.length));
  const indent = `\n  ${" ".repeat(width)}  `;
  return shown
    .map(([k, v]) => {
      const text = Array.isArray(v) ? v.map(sanitize).join(indent) : sanitize(v);
      return `  ${k.padEnd(width)}  ${text}\n`;
    })
    .join("");
}

/** A short "(via …)" for where a contact comes from; the JSON's `abuseSource` has it in full. */
export function abuseVia(source: AbuseSource | undefined): string | null {
  if (!source) return null;
  if (source.via) return `(via ${sanitize(source.via.name)})`;
  switch (source.kind) {
    case "catalogue":
      return source.secondary ? "(via catalogue, secondary source)" : "(via catalogue)";
    case "network-rdap":
      return "(via network RDAP)";
    case "iana":
      return "(via IANA root zone database)";
    case "registrar-rdap":
    case "registry-rdap":
      return "(via RDAP)";
    case "registrar-whois":
    case "registry-whois":
      return "(via WHOIS)";
  }
}

function providersTable(p: Profile, paint: Paint, width: number): string {
  const rows = ROLES.map((role) => {
    const prov = p.providers[role];
    if (!prov) return [role, "unknown", "", ""];
    const name = sanitize(prov.note ? `${prov.name} (${prov.note})` : prov.name);
    const asn = prov.asn != null ? ` AS${prov.asn}` : "";
    const contact = [prov.abuse.email, prov.abuse.url, prov.abuse.phone].filter(Boolean);
    const via = abuseVia(prov.abuseSource);
    const abuse = [
      ...contact.map(sanitize),
      ...(contact.length && via ? [paint.dim(via)] : []),
    ].join("\n");
    const evidence = prov.evidence.map(sanitize).join("\n");
    return [role, `${name}${asn}\n[${prov.confidence}]`, evidence, abuse];
  });
  const evidenceWidth = Math.max(30, width - 10 - 28 - 40 - 6);
  return renderGrid(["ROLE", "PROVIDER", "EVIDENCE", "WHERE TO REPORT"], rows, {
    maxWidths: [10, 28, evidenceWidth, 40],
    styleHeader: (t) => paint.bold(t),
  });
}

/** The one-target view: providers first, then DNS, registration, network, HTTP/TLS, tech, errors. */
export function renderDetail(
  p: Profile,
  options: { color: boolean; width: number | null },
): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 120;
  const out: string[] = [];
  out.push(`${paint.bold(sanitize(p.host ?? p.target))}  (${sanitize(p.domain ?? "no domain")})\n`);
  out.push(section(paint, "Providers", providersTable(p, paint, width)));
  const d = p.dns;
  out.push(
    section(
      paint,
      "DNS",
      pairs([
        ["A", d.a.join(", ")],
        ["AAAA", d.aaaa.join(", ")],
        ["CNAME", d.cname.join(" → ")],
        ["NS", d.ns.join(", ")],
        ["MX", d.mx.map((m) => `${m.preference} ${m.exchange}`).join(", ")],
        ["TXT", d.txt],
        ["SOA", d.soa ? `${d.soa.mname} ${d.soa.rname} ${d.soa.serial}` : null],
        ["CAA", d.caa.map((c) => `${c.flags} ${c.tag} "${c.value}"`).join(", ")],
      ]),
    ),
  );
  const r = p.registration;
  out.push(
    section(
      paint,
      "Registration",
      r
        ? pairs([
            ["source", `${r.source} ${r.server ?? ""}`],
            ["registrar", r.registrar?.name],
            ["IANA ID", r.registrar?.ianaId],
            ["registry", r.registry],
            ["created", r.created],
            ["updated", r.updated],
            ["expires", r.expires],
            ["status", r.status.join(", ")],
            ["nameservers", r.nameservers.join(", ")],
            ["DNSSEC", r.dnssec === null ? null : r.dnssec ? "signed" : "unsigned"],
            [
              "registrant",
              [r.registrant?.organization, r.registrant?.country].filter(Boolean).join(", "),
            ],
            ["abuse", abuseText(r.abuse)],
          ])
        : "  (no RDAP or WHOIS answer)\n",
    ),
  );
  const net = p.network.map((n) =>
    [
      n.ip,
      n.asn != null ? `AS${n.asn} ${n.asName ?? ""}` : "",
      n.prefix ?? "",
      [n.org, n.country].filter(Boolean).join(", "),
      n.ptr ?? "",
      abuseText(n.abuse),
    ].map(sanitize),
  );
  out.push(
    section(
      paint,
      "Network",
      net.length
        ? renderGrid(["ADDRESS", "AS", "PREFIX", "ORGANISATION", "PTR", "ABUSE"], net, {
            maxWidths: [39, 26, 43, 32, 30, 34],
          })
        : "  (no addresses)\n",
    ),
  );
  out.push(section(paint, "HTTP/TLS", httpPairs(p)));
  out.push(
    section(
      paint,
      "Technologies",
      p.technologies.length
        ? p.technologies
            .map(
              (t) =>
                `  ${sanitize(t.name)}${t.version ? ` ${sanitize(t.version)}` : ""}` +
                `  (${sanitize(t.categories.join(", "))})${t.thirdParty ? " [third-party asset]" : ""}\n`,
            )
            .join("")
        : "  (none detected)\n",
    ),
  );
  if (p.errors.length) {
    const errs = p.errors.map(
      (e) => `  ${paint.red(e.code)} ${e.source}: ${sanitize(e.message)}\n`,
    );
    out.push(section(paint, "Errors", errs.join("")));
  }
  return out.join("");
}

function httpPairs(p: Profile): string {
  const h = p.http;
  if (!h) {
    const skipped = p.sources.http?.status === "skipped";
    return skipped ? "  (not probed: --passive)\n" : "  (no answer; see Errors)\n";
  }
  const t = h.tls;
  return pairs([
    ["URL", h.url],
    ["final URL", h.finalUrl],
    ["status", h.status],
    ["redirects", h.redirects.join(" → ")],
    ["off-site", h.offsiteRedirect ? `redirects to ${h.offsiteRedirect} (not followed)` : null],
    ["server", h.headers.server],
    ["TLS issuer", t?.issuer],
    ["TLS subject", t?.subject],
    ["TLS SAN", t?.san.join(", ")],
    ["TLS valid", t ? `${t.validFrom ?? "?"} → ${t.validTo ?? "?"}` : null],
    ["TLS trusted", t ? (t.trusted ? "yes" : `no (${t.error ?? "unknown"})`) : null],
    ["TLS SHA-256", t?.sha256],
  ]);
}
