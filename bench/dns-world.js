// What the benchmark's DNS server answers: the generated domains (apex, www, mail), the
// infrastructure hosts (nameservers, mail exchangers, CDN edges) and Team Cymru's ASN TXT zone.
import {
  indexOf,
  infrastructureAddress,
  mxOf,
  NETWORKS,
  nameserversOf,
  networkOf,
  siteOf,
  webOf,
} from "./world.js";

const SPF = {
  google: "v=spf1 include:_spf.google.com ~all",
  microsoft: "v=spf1 include:spf.protection.outlook.com -all",
  self: "v=spf1 mx -all",
  none: "v=spf1 -all",
};

function soaOf(site) {
  const ns = nameserversOf(site);
  return {
    mname: ns[0],
    rname: `hostmaster.${site.domain}`,
    serial: 2026010100 + (site.n % 97),
    refresh: 7200,
    retry: 3600,
    expire: 1209600,
    minimum: 300,
  };
}

// Team Cymru: "<reversed v4>.origin.asn.cymru.com" and "AS<n>.asn.cymru.com".
function cymru(name) {
  const origin = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.origin\.asn\.cymru\.com$/.exec(name);
  if (origin) {
    const ip = [origin[4], origin[3], origin[2], origin[1]].join(".");
    const net = networkOf(ip);
    if (!net) return null;
    return { TXT: [`${net.asn} | ${net.cidr} | ${net.cc} | ${net.rir} | 2014-03-28`] };
  }
  const as = /^as(\d+)\.asn\.cymru\.com$/.exec(name);
  if (as) {
    const net = Object.values(NETWORKS).find((x) => String(x.asn) === as[1]);
    if (!net) return null;
    return { TXT: [`${net.asn} | ${net.cc} | ${net.rir} | 2010-07-14 | ${net.asName}`] };
  }
  return null;
}

/**
 * The records of one name ({TYPE: data[]}), null for NXDOMAIN, or the failure mode of the
 * domain it belongs to ("servfail", "drop").
 */
export function recordsOf(name) {
  const infra = infrastructureAddress(name);
  if (infra) return { A: [infra] };
  if (name.endsWith(".asn.cymru.com")) return cymru(name);
  const n = indexOf(name);
  if (n === null) return null;
  const site = siteOf(n);
  if (site.failure === "nxdomain") return null;
  if (site.failure === "servfail") return "servfail";
  if (site.failure === "dns-timeout") return "drop";
  const web = webOf(site);
  if (name === site.domain) {
    return {
      A: web.a,
      NS: nameserversOf(site),
      MX: mxOf(site),
      TXT: [SPF[site.mail], `google-site-verification=${(site.n * 7919).toString(36)}bench`],
      SOA: [soaOf(site)],
      CAA: site.n % 4 === 0 ? [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] : [],
    };
  }
  if (name === `www.${site.domain}`) {
    if (web.cname) return { CNAME: [web.cname] };
    if (site.hosting === "hetzner" || site.hosting === "ovh") return { CNAME: [site.domain] };
    return { A: web.a };
  }
  if (name === `mail.${site.domain}` && site.mail === "self") return { A: [web.a[0]] };
  return null;
}

/** The SOA to put in the authority section of a negative answer for `name`. */
export function negativeSoa(name) {
  const n = indexOf(name);
  if (n === null) return null;
  const site = siteOf(n);
  return { name: site.domain, data: soaOf(site) };
}
