// RDAP (RFC 9083) and WHOIS documents of the benchmark world: registry and registrar domain
// objects, RIR networks and autnums, IANA bootstrap files (RFC 9224) pointing at local ports.
import { indexOf, NETWORKS, nameserversOf, networkOf, siteOf, TLDS } from "./world.js";

function vcard(fn, extra = []) {
  return ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", fn], ...extra]];
}

function abuseEntity(email, phone) {
  return {
    objectClassName: "entity",
    roles: ["abuse"],
    vcardArray: vcard("Abuse Contact", [
      ["email", {}, "text", email],
      ...(phone ? [["tel", { type: "voice" }, "uri", `tel:${phone}`]] : []),
    ]),
  };
}

const REGISTRY_NAMES = {
  verisign: "VeriSign Global Registry Services",
  pir: "Public Interest Registry",
  identity: "Identity Digital Limited",
};

/** IANA bootstrap files with every service at its local base URL. */
export function bootstrapFiles(urls) {
  const meta = {
    version: "1.0",
    publication: "2026-01-01T00:00:00Z",
    description: "hostscan bench",
  };
  const byServer = new Map();
  for (const t of TLDS) {
    if (!t.rdap) continue;
    byServer.set(t.rdap, [...(byServer.get(t.rdap) ?? []), t.tld]);
  }
  const v4 = { arin: [], ripencc: [] };
  const asns = { arin: new Set(), ripencc: new Set() };
  for (const net of Object.values(NETWORKS)) {
    v4[net.rir].push(`${net.base[0]}.0.0.0/8`);
    asns[net.rir].add(`${net.asn}`);
  }
  return {
    "dns.json": { ...meta, services: [...byServer].map(([id, tlds]) => [tlds, [urls[id]]]) },
    "ipv4.json": {
      ...meta,
      services: [
        [[...new Set(v4.arin)], [urls.arin]],
        [[...new Set(v4.ripencc)], [urls.ripe]],
      ],
    },
    "ipv6.json": { ...meta, services: [] },
    "asn.json": {
      ...meta,
      services: [
        [[...asns.arin], [urls.arin]],
        [[...asns.ripencc], [urls.ripe]],
      ],
    },
  };
}

/** The registry's (thin, linking to the registrar) or registrar's domain object; null = 404. */
export function domainDocument(name, role, urls) {
  const n = indexOf(name);
  if (n === null) return null;
  const site = siteOf(n);
  if (site.domain !== name || site.failure === "nxdomain") return null;
  const r = site.registrar;
  const registrar = {
    objectClassName: "entity",
    handle: r.iana,
    roles: ["registrar"],
    publicIds: [{ type: "IANA Registrar ID", identifier: r.iana }],
    vcardArray: vcard(r.name),
    entities: [abuseEntity(r.abuse, r.phone)],
  };
  const year = 2005 + (n % 19);
  const doc = {
    objectClassName: "domain",
    handle: `${n}_DOMAIN_BENCH`,
    ldhName: name.toUpperCase(),
    rdapConformance: ["rdap_level_0", "icann_rdap_response_profile_0"],
    status: ["client transfer prohibited"],
    events: [
      { eventAction: "registration", eventDate: `${year}-03-14T10:00:00Z` },
      { eventAction: "expiration", eventDate: "2027-03-14T10:00:00Z" },
      { eventAction: "last changed", eventDate: "2025-11-02T08:30:00Z" },
    ],
    nameservers: nameserversOf(site).map((ns) => ({
      objectClassName: "nameserver",
      ldhName: ns.toUpperCase(),
    })),
    secureDNS: { delegationSigned: site.hosting === "cloudflare" },
    entities: [registrar],
    notices: [{ title: "Terms of Use", description: ["Benchmark data, not real."] }],
  };
  if (role === "registry") {
    doc.entities.push(abuseEntity(`abuse@${site.tld}-registry.example`, null));
    // .com/.net are thin: the registry links to the registrar's own RDAP object.
    if (site.tld === "com" || site.tld === "net") {
      doc.links = [
        {
          rel: "related",
          type: "application/rdap+json",
          href: `${urls.registrar}domain/${name}`,
          value: `${urls.registrar}domain/${name}`,
        },
      ];
    }
  } else {
    doc.entities.push({
      objectClassName: "entity",
      roles: ["registrant"],
      vcardArray: vcard("REDACTED FOR PRIVACY", [
        ["org", {}, "text", "REDACTED FOR PRIVACY"],
        ["adr", { cc: "DE" }, "text", ["", "", "", "", "", "", ""]],
      ]),
    });
  }
  return doc;
}

/** An RIR's IP network object for an address; null = 404. */
export function ipDocument(ip) {
  const net = networkOf(ip);
  if (!net) return null;
  const handle = `NET-${net.start.replace(/\./g, "-")}-1`;
  return {
    objectClassName: "ip network",
    handle,
    startAddress: net.start,
    endAddress: net.end,
    ipVersion: "v4",
    name: net.asName.split(",")[0],
    type: "DIRECT ALLOCATION",
    country: net.cc,
    cidr0_cidrs: [{ v4prefix: net.start, length: net.bits }],
    arin_originas0_originautnums: [net.asn],
    entities: [
      {
        objectClassName: "entity",
        handle: net.org.replace(/\W+/g, "").slice(0, 8).toUpperCase(),
        roles: ["registrant"],
        vcardArray: vcard(net.org, [["kind", {}, "text", "org"]]),
        entities: [abuseEntity(net.abuse, "+1.0000000000")],
      },
    ],
  };
}

/** An autnum object; null = 404. */
export function autnumDocument(asn) {
  const net = Object.values(NETWORKS).find((x) => x.asn === asn);
  if (!net) return null;
  return {
    objectClassName: "autnum",
    handle: `AS${asn}`,
    startAutnum: asn,
    endAutnum: asn,
    name: net.asName.split(",")[0],
    entities: [{ objectClassName: "entity", roles: ["registrant"], vcardArray: vcard(net.org) }],
  };
}

/** The text a WHOIS server answers: IANA's TLD record (query "de") or DENIC-style domain data. */
export function whoisText(query, self) {
  const q = query.trim().toLowerCase();
  if (!q.includes(".")) {
    const t = TLDS.find((x) => x.tld === q);
    if (!t) return `% IANA WHOIS server\n% This query returned 0 objects.\n`;
    const org = t.rdap ? REGISTRY_NAMES[t.rdap] : "DENIC eG";
    return [
      "% IANA WHOIS server",
      "",
      `domain:       ${q.toUpperCase()}`,
      "",
      `organisation: ${org}`,
      "address:      Benchmark Street 1",
      "",
      ...(t.rdap ? [] : [`whois:        ${self}`]),
      "status:       ACTIVE",
      "",
    ].join("\n");
  }
  const n = indexOf(q);
  const site = n === null ? null : siteOf(n);
  if (!site || site.domain !== q || site.failure === "nxdomain") {
    return `Domain: ${q}\nStatus: free\n`;
  }
  return [
    `Domain: ${q}`,
    ...nameserversOf(site).map((ns) => `Nserver: ${ns}`),
    "Status: connect",
    "Changed: 2025-10-01T12:00:00+02:00",
    "",
    "[Tech-C]",
    "Type: ROLE",
    `Name: ${site.registrar.name}`,
    "",
  ].join("\n");
}
