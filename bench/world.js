// The benchmark's generated world: N realistic domains computed on demand from their index (a
// name carries its index, so servers hold no tables and scale to any N). Providers, addresses,
// nameservers, mail and registrars are shaped like the real ones; a few domains fail on purpose.

const WORDS = [
  "acme",
  "bakery",
  "studio",
  "travel",
  "legal",
  "garden",
  "clinic",
  "media",
  "photo",
  "coffee",
  "design",
  "events",
  "fitness",
  "motors",
  "school",
  "energy",
  "books",
  "cloud",
  "craft",
  "dental",
];

/** TLDs, their share (per mille) and who answers for them; "de" has no RDAP (WHOIS only). */
export const TLDS = [
  { tld: "com", share: 520, rdap: "verisign" },
  { tld: "net", share: 80, rdap: "verisign" },
  { tld: "org", share: 120, rdap: "pir" },
  { tld: "io", share: 80, rdap: "identity" },
  { tld: "de", share: 200, rdap: null },
];

/** Announced networks: prefix, ASN, Team Cymru AS name, RIR, organisation, abuse mailbox. */
export const NETWORKS = {
  cloudflare: {
    base: [104, 16],
    bits: 13,
    asn: 13335,
    asName: "CLOUDFLARENET, US",
    rir: "arin",
    org: "Cloudflare, Inc.",
    abuse: "abuse@cloudflare.com",
    cc: "US",
  },
  cloudflare2: {
    base: [172, 64],
    bits: 13,
    asn: 13335,
    asName: "CLOUDFLARENET, US",
    rir: "arin",
    org: "Cloudflare, Inc.",
    abuse: "abuse@cloudflare.com",
    cc: "US",
  },
  cloudfront: {
    base: [13, 224],
    bits: 14,
    asn: 16509,
    asName: "AMAZON-02, US",
    rir: "arin",
    org: "Amazon.com, Inc.",
    abuse: "trustandsafety@support.aws.com",
    cc: "US",
  },
  ec2: {
    base: [3, 120],
    bits: 13,
    asn: 16509,
    asName: "AMAZON-02, US",
    rir: "arin",
    org: "Amazon Data Services Germany",
    abuse: "trustandsafety@support.aws.com",
    cc: "DE",
  },
  awsdns: {
    base: [205, 251],
    bits: 16,
    asn: 16509,
    asName: "AMAZON-02, US",
    rir: "arin",
    org: "Amazon.com, Inc.",
    abuse: "trustandsafety@support.aws.com",
    cc: "US",
  },
  hetzner: {
    base: [88, 198],
    bits: 16,
    asn: 24940,
    asName: "HETZNER-AS, DE",
    rir: "ripencc",
    org: "Hetzner Online GmbH",
    abuse: "abuse@hetzner.com",
    cc: "DE",
  },
  hetzner2: {
    base: [116, 202],
    bits: 15,
    asn: 24940,
    asName: "HETZNER-AS, DE",
    rir: "ripencc",
    org: "Hetzner Online GmbH",
    abuse: "abuse@hetzner.com",
    cc: "DE",
  },
  hetznerdns: {
    base: [213, 239],
    bits: 17,
    asn: 24940,
    asName: "HETZNER-AS, DE",
    rir: "ripencc",
    org: "Hetzner Online GmbH",
    abuse: "abuse@hetzner.com",
    cc: "DE",
  },
  ovh: {
    base: [51, 38],
    bits: 16,
    asn: 16276,
    asName: "OVH, FR",
    rir: "ripencc",
    org: "OVH SAS",
    abuse: "abuse@ovh.net",
    cc: "FR",
  },
  google: {
    base: [142, 250],
    bits: 15,
    asn: 15169,
    asName: "GOOGLE, US",
    rir: "arin",
    org: "Google LLC",
    abuse: "network-abuse@google.com",
    cc: "US",
  },
  microsoft: {
    base: [52, 96],
    bits: 12,
    asn: 8075,
    asName: "MICROSOFT-CORP-MSN-AS-BLOCK, US",
    rir: "arin",
    org: "Microsoft Corporation",
    abuse: "abuse@microsoft.com",
    cc: "US",
  },
};

const REGISTRARS = [
  { name: "GoDaddy.com, LLC", iana: "146", abuse: "abuse@godaddy.com", phone: "+1.4806242505" },
  { name: "NameCheap, Inc.", iana: "1068", abuse: "abuse@namecheap.com", phone: "+1.6613102107" },
  {
    name: "Cloudflare, Inc.",
    iana: "1910",
    abuse: "registrar-abuse@cloudflare.com",
    phone: "+1.4153197517",
  },
  {
    name: "Key-Systems GmbH",
    iana: "269",
    abuse: "abuse@key-systems.net",
    phone: "+49.68949396850",
  },
  {
    name: "Amazon Registrar, Inc.",
    iana: "468",
    abuse: "abuse@amazonaws.com",
    phone: "+1.2067406200",
  },
];

// A 32-bit mix of an integer (splitmix-like), so every property of a domain is stable.
function mix(n, salt) {
  let x = (n * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

function pick(n, salt, weighted) {
  let r = mix(n, salt) % 1000;
  for (const [value, share] of weighted) {
    if (r < share) return value;
    r -= share;
  }
  return weighted[weighted.length - 1][0];
}

/** An address inside a network, stable per (index, salt). */
export function addressIn(net, n, salt) {
  const span = 2 ** (32 - net.bits);
  const base = ((net.base[0] << 24) | (net.base[1] << 16)) >>> 0;
  const offset = 1 + (mix(n, salt) % (span - 2));
  const v = (base + offset) >>> 0;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");
}

/** The network holding an IPv4 address, or null. */
export function networkOf(ip) {
  const p = ip.split(".").map(Number);
  if (p.length !== 4 || p.some((x) => !(x >= 0 && x <= 255))) return null;
  const v = ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
  for (const [id, net] of Object.entries(NETWORKS)) {
    const base = ((net.base[0] << 24) | (net.base[1] << 16)) >>> 0;
    const size = 2 ** (32 - net.bits);
    if (v >= base && v < base + size) {
      const end = base + size - 1;
      const dotted = (x) => [x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255].join(".");
      return {
        id,
        ...net,
        start: dotted(base),
        end: dotted(end),
        cidr: `${dotted(base)}/${net.bits}`,
      };
    }
  }
  return null;
}

/** The registrable domain of index n ("coffee-00042.com"). */
export function domainName(n) {
  const tld = pick(
    n,
    1,
    TLDS.map((t) => [t.tld, t.share]),
  );
  return `${WORDS[mix(n, 2) % WORDS.length]}-${String(n).padStart(5, "0")}.${tld}`;
}

/** The input line for index n: the apex, or www. for a third of them. */
export function targetName(n) {
  return mix(n, 3) % 3 === 0 ? `www.${domainName(n)}` : domainName(n);
}

/** The index a name belongs to (any name under a generated domain), or null. */
export function indexOf(name) {
  const m = /(?:^|\.)[a-z]+-(\d{5,})\.(com|net|org|io|de)\.?$/i.exec(name);
  if (!m) return null;
  const n = Number(m[1]);
  return domainName(n) === `${name.toLowerCase().replace(/\.$/, "").split(".").slice(-2).join(".")}`
    ? n
    : null;
}

/** Everything about domain n: hosting, DNS host, mail, registrar, failure mode. */
export function siteOf(n) {
  const domain = domainName(n);
  const tld = domain.split(".").pop();
  const hosting = pick(n, 4, [
    ["cloudflare", 350],
    ["cloudfront", 150],
    ["ec2", 100],
    ["hetzner", 250],
    ["ovh", 150],
  ]);
  const mail = pick(n, 5, [
    ["google", 400],
    ["microsoft", 250],
    ["self", 200],
    ["none", 150],
  ]);
  const failure = pick(n, 6, [
    ["nxdomain", 10],
    ["servfail", 5],
    ["dns-timeout", 2],
    ["http-timeout", 2],
    ["none", 981],
  ]);
  const registrar = REGISTRARS[mix(n, 7) % REGISTRARS.length];
  const platform = pick(n, 8, [
    ["wordpress", 430],
    ["shopify", 60],
    ["nginx", 300],
    ["apache", 210],
  ]);
  const redirectToWww = mix(n, 9) % 5 === 0;
  return { n, domain, tld, hosting, mail, failure, registrar, platform, redirectToWww };
}

const CF_NS = ["ada", "bob", "kyle", "lara", "mike", "nina", "olga", "pete", "rita", "walt"];

/** The authoritative nameservers of a site. */
export function nameserversOf(site) {
  switch (site.hosting) {
    case "cloudflare": {
      const a = CF_NS[mix(site.n, 10) % CF_NS.length];
      const b = CF_NS[(mix(site.n, 10) + 3) % CF_NS.length];
      return [`${a}.ns.cloudflare.com`, `${b}.ns.cloudflare.com`];
    }
    case "cloudfront":
    case "ec2": {
      const k = mix(site.n, 11) % 2000;
      return [
        `ns-${k}.awsdns-${k % 64}.com`,
        `ns-${k + 1}.awsdns-${k % 64}.net`,
        `ns-${k + 2}.awsdns-${k % 64}.org`,
      ];
    }
    case "hetzner":
      return ["helium.ns.hetzner.de", "hydrogen.ns.hetzner.com", "oxygen.ns.hetzner.com"];
    default:
      return [`dns${mix(site.n, 12) % 200}.ovh.net`, `ns${mix(site.n, 12) % 200}.ovh.net`];
  }
}

/** MX records of a site. */
export function mxOf(site) {
  switch (site.mail) {
    case "google":
      return [
        { preference: 1, exchange: "aspmx.l.google.com" },
        { preference: 5, exchange: "alt1.aspmx.l.google.com" },
      ];
    case "microsoft":
      return [
        {
          preference: 0,
          exchange: `${site.domain.replace(/\./g, "-")}.mail.protection.outlook.com`,
        },
      ];
    case "self":
      return [{ preference: 10, exchange: `mail.${site.domain}` }];
    default:
      return [];
  }
}

/** The site's A addresses and, for CloudFront, the CNAME target of its www host. */
export function webOf(site) {
  const net = NETWORKS[site.hosting === "cloudflare" && site.n % 2 ? "cloudflare2" : site.hosting];
  return {
    a: [
      addressIn(net, site.n, 13),
      ...(site.hosting === "cloudflare" || site.hosting === "cloudfront"
        ? [addressIn(net, site.n, 14)]
        : []),
    ],
    cname:
      site.hosting === "cloudfront"
        ? `d${(mix(site.n, 15) % 0xffffff).toString(36)}x.cloudfront.net`
        : null,
  };
}

/** Fixed infrastructure names (nameservers, mail exchangers, CDN edges) to their addresses. */
export function infrastructureAddress(name) {
  const h = (s) => [...s].reduce((a, c) => (Math.imul(a, 31) + c.charCodeAt(0)) >>> 0, 7);
  if (name.endsWith(".ns.cloudflare.com")) return addressIn(NETWORKS.cloudflare, h(name), 20);
  if (/\.awsdns-\d+\./.test(name)) return addressIn(NETWORKS.awsdns, h(name), 21);
  if (name.endsWith(".ns.hetzner.de") || name.endsWith(".ns.hetzner.com"))
    return addressIn(NETWORKS.hetznerdns, h(name), 22);
  if (name.endsWith(".ovh.net")) return addressIn(NETWORKS.ovh, h(name), 23);
  if (name.endsWith("aspmx.l.google.com")) return addressIn(NETWORKS.google, h(name), 24);
  if (name.endsWith(".mail.protection.outlook.com"))
    return addressIn(NETWORKS.microsoft, h(name), 25);
  if (name.endsWith(".cloudfront.net")) return addressIn(NETWORKS.cloudfront, h(name), 26);
  return null;
}
