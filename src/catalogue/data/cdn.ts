// CDN, reverse-proxy and WAF providers; each fact cites the public page it was read from.

import type { ProviderEntry } from "../schema.js";
import { PUBLISHED_RANGES } from "./ranges.generated.js";
import { BAD_ASN, CDNCHECK, CDNCHECK_DATA, misp, WAFW00F, WAPPALYZER } from "./sources.js";

export const CDN_PROVIDERS: ProviderEntry[] = [
  {
    id: "cloudflare",
    completeRanges: { source: "https://www.cloudflare.com/ips/" },
    name: "Cloudflare",
    kinds: ["cdn", "dns"],
    website: "https://www.cloudflare.com",
    signals: [
      { type: "asn", values: [13335], source: "https://rdap.arin.net/registry/autnum/13335" },
      {
        type: "prefix",
        values: [...PUBLISHED_RANGES.cloudflare.prefixes],
        // Generated from the published list (ranges.generated.ts).
        source: PUBLISHED_RANGES.cloudflare.source,
      },
      {
        type: "ns",
        values: [
          "ns.cloudflare.com",
          "foundationdns.com",
          "foundationdns.net",
          "foundationdns.org",
        ],
        source: "https://developers.cloudflare.com/dns/nameservers/",
      },
      { type: "cname", values: ["cdn.cloudflare.net"], source: CDNCHECK },
      {
        type: "header",
        values: [
          { name: "cf-ray", pattern: "^[0-9a-f]{16}(-[a-z]{3})?$" },
          { name: "server", pattern: "^cloudflare$" },
          { name: "cf-cache-status" },
        ],
        source: WAPPALYZER,
      },
      {
        type: "cookie",
        values: ["__cf_bm", "__cflb", "cf_clearance", "__cfduid"],
        source: WAFW00F,
      },
    ],
    abuse: {
      url: "https://www.cloudflare.com/abuse/",
      email: "abuse@cloudflare.com",
      source: "https://www.cloudflare.com/trust-hub/reporting-abuse/",
    },
  },
  {
    id: "akamai",
    name: "Akamai",
    // "over 6,000 servers installed in ISPs all over the world" (Akamai's AANP programme FAQ).
    edgesElsewhere: {
      source: "https://www.scribd.com/document/295104481/akamai-aanp-faq",
      unverified: true,
    },
    kinds: ["cdn", "dns"],
    website: "https://www.akamai.com",
    signals: [
      {
        type: "asn",
        values: [
          20940, 16625, 12222, 16702, 17204, 18680, 18717, 20189, 21342, 21357, 21399, 23454, 23455,
          33905, 34164, 35994, 393560,
        ],
        source: CDNCHECK,
      },
      {
        type: "prefix",
        values: [
          "23.32.0.0/11",
          "23.192.0.0/11",
          "2.16.0.0/13",
          "104.64.0.0/10",
          "184.24.0.0/13",
          "184.84.0.0/14",
          "95.100.0.0/15",
          "2600:1400::/24",
        ],
        source: misp("akamai"),
      },
      {
        type: "ns",
        values: ["akam.net"],
        source: "https://techdocs.akamai.com/edge-dns/docs/welcome-edge-dns",
      },
      {
        type: "cname",
        values: [
          "edgesuite.net",
          "edgekey.net",
          "akamaiedge.net",
          "akamaized.net",
          "akamaihd.net",
          "edgekey-staging.net",
        ],
        source: "https://techdocs.akamai.com/property-mgr/reference/create-edge-hostnames",
      },
      {
        type: "header",
        values: [{ name: "server", pattern: "^AkamaiGHost$" }, { name: "x-akamai-transformed" }],
        source: `${WAFW00F}/kona.py`,
      },
      { type: "cookie", values: ["ak_bmsc", "bm_sv", "bm_sz", "_abck"], source: WAPPALYZER },
    ],
    abuse: {
      email: "abuse@akamai.com",
      source: "https://www.peeringdb.com/asn/20940",
      unverified: true,
    },
  },
  {
    id: "fastly",
    completeRanges: { source: "https://api.fastly.com/public-ip-list" },
    name: "Fastly",
    kinds: ["cdn"],
    website: "https://www.fastly.com",
    signals: [
      {
        type: "asn",
        values: [54113],
        source: "https://www.peeringdb.com/asn/54113",
        unverified: true,
      },
      {
        type: "prefix",
        values: [...PUBLISHED_RANGES.fastly.prefixes],
        // Generated from the published list (ranges.generated.ts).
        source: PUBLISHED_RANGES.fastly.source,
      },
      { type: "cname", values: ["fastly.net", "fastlylb.net"], source: CDNCHECK },
      {
        type: "header",
        values: [
          {
            name: "x-served-by",
            pattern: "^cache-([a-z]{3}-)?[a-z]+\\d+-[A-Z]{3}\\b",
            caseSensitive: true,
          },
          { name: "x-fastly-request-id" },
          { name: "fastly-debug-digest" },
        ],
        source: "https://developer.fastly.com/reference/http-headers/X-Served-By/",
      },
    ],
    abuse: {
      email: "abuse@fastly.com",
      phone: "+1-415-496-9353",
      source: "https://rdap.arin.net/registry/ip/151.101.0.0",
    },
  },
  {
    id: "amazon-cloudfront",
    name: "Amazon CloudFront",
    kinds: ["cdn"],
    website: "https://aws.amazon.com/cloudfront/",
    network: "aws",
    signals: [
      {
        type: "prefix",
        values: [
          "18.160.0.0/15",
          "54.192.0.0/16",
          "204.246.168.0/22",
          "205.251.252.0/23",
          "54.230.200.0/21",
          "205.251.249.0/24",
        ],
        source: "https://d7uri8nf7uskq.cloudfront.net/tools/list-cloudfront-ips",
      },
      { type: "cname", values: ["cloudfront.net"], source: WAPPALYZER },
      {
        type: "header",
        values: [
          { name: "x-amz-cf-id" },
          { name: "x-amz-cf-pop" },
          { name: "via", pattern: "\\(CloudFront\\)$" },
          { name: "x-cache", pattern: "from cloudfront$" },
        ],
        source: "https://http.dev/x-amz-cf-pop",
      },
    ],
    abuse: {
      email: "abuse@amazonaws.com",
      url: "https://support.aws.amazon.com/#/contacts/report-abuse",
      source: "https://support.aws.amazon.com/#/contacts/report-abuse",
      unverified: true,
    },
  },
  {
    id: "google-cloud-cdn",
    name: "Google Cloud CDN",
    kinds: ["cdn"],
    website: "https://cloud.google.com/cdn",
    network: "google-cloud",
    signals: [
      {
        // Every Google front end (Application Load Balancer, App Engine, Wix…) adds it, with or
        // without Cloud CDN: a hint, never proof of the CDN.
        type: "header",
        values: [
          {
            name: "via",
            pattern: "^1\\.1 google$",
            weak: "Google front end / load balancer; Cloud CDN not confirmed",
          },
        ],
        source: "https://cloud.google.com/load-balancing/docs/https#target-proxies",
      },
    ],
    abuse: {
      email: "network-abuse@google.com",
      source: "https://rdap.arin.net/registry/ip/8.8.8.8",
    },
  },
  {
    id: "azure-front-door",
    name: "Azure Front Door",
    kinds: ["cdn"],
    website: "https://azure.microsoft.com/products/frontdoor",
    network: "microsoft-azure",
    signals: [
      {
        type: "cname",
        values: ["azurefd.net", "azureedge.net"],
        source:
          "https://learn.microsoft.com/en-us/azure/frontdoor/standard-premium/how-to-add-custom-domain",
      },
      {
        type: "header",
        values: [{ name: "x-azure-ref" }, { name: "x-msedge-ref" }],
        source:
          "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/frontdoor/front-door-http-headers-protocol.md",
      },
      { type: "cookie", values: ["ASLBSA"], source: WAPPALYZER },
    ],
    abuse: { email: "abuse@microsoft.com", source: "https://rdap.arin.net/registry/ip/13.64.0.0" },
  },
  {
    id: "sucuri",
    name: "Sucuri",
    kinds: ["cdn"],
    website: "https://sucuri.net",
    signals: [
      { type: "asn", values: [30148], source: CDNCHECK },
      {
        type: "prefix",
        values: ["192.124.249.0/24"],
        source: "https://docs.sucuri.net/website-firewall/sucuri-firewall-troubleshooting-guide/",
      },
      { type: "cname", values: ["sucuri.net"], source: CDNCHECK, unverified: true },
      {
        type: "header",
        values: [
          { name: "x-sucuri-id" },
          { name: "x-sucuri-cache" },
          { name: "server", pattern: "^Sucuri/Cloudproxy" },
        ],
        source: "https://http.dev/x-sucuri-id",
      },
    ],
    abuse: null,
    // "GoDaddy Media Temple, Inc. d/b/a Sucuri" (Sucuri's own services agreement).
    owner: { id: "godaddy", source: "https://sucuri.net/enterprise-services-agreement" },
  },
  {
    id: "imperva",
    name: "Imperva",
    kinds: ["cdn"],
    website: "https://www.imperva.com",
    signals: [
      {
        type: "asn",
        values: [19551],
        source: "https://www.peeringdb.com/asn/19551",
        unverified: true,
      },
      {
        type: "prefix",
        values: [
          "199.83.128.0/21",
          "198.143.32.0/19",
          "149.126.72.0/21",
          "192.230.64.0/18",
          "45.60.0.0/16",
          "107.154.0.0/16",
          "2a02:e980::/29",
        ],
        source: CDNCHECK_DATA,
      },
      { type: "cname", values: ["incapdns.net", "impervadns.net"], source: CDNCHECK },
      {
        type: "header",
        values: [{ name: "x-cdn", pattern: "^(Incapsula|Imperva)" }, { name: "x-iinfo" }],
        source: WAPPALYZER,
      },
      {
        type: "cookie",
        values: ["visid_incap_*", "incap_ses_*", "nlbi_*"],
        source: `${WAFW00F}/incapsula.py`,
      },
    ],
    abuse: {
      email: "abuse@incapsula.com",
      source:
        "https://support.incapsula.com/hc/en-us/articles/115005045954-About-Incapsula-abuse-desk",
    },
  },
  {
    id: "ddos-guard",
    name: "DDoS-Guard",
    kinds: ["cdn"],
    website: "https://ddos-guard.net",
    signals: [
      {
        type: "asn",
        values: [57724, 262254],
        source: "https://ddos-guard.net/en/abuse",
        unverified: true,
      },
      { type: "header", values: [{ name: "server", pattern: "^ddos-guard$" }], source: WAPPALYZER },
      {
        type: "cookie",
        values: ["__ddg1_", "__ddg2_", "__ddgid*", "__ddgmark*"],
        source: `${WAFW00F}/ddosguard.py`,
      },
    ],
    abuse: {
      email: "abuse@ddos-guard.net",
      url: "https://ddos-guard.net/en/abuse",
      source: "https://ddos-guard.net/en/abuse",
    },
  },
  {
    id: "stackpath",
    name: "StackPath",
    kinds: ["cdn"],
    website: "https://www.stackpath.com",
    signals: [
      { type: "asn", values: [33438], source: BAD_ASN },
      {
        type: "prefix",
        values: ["151.139.0.0/17", "103.66.28.0/22"],
        source: "https://support.stackpath.com/hc/en-us/articles/360001091666",
      },
      { type: "cname", values: ["stackpathcdn.com", "stackpathdns.com"], source: CDNCHECK },
      {
        type: "header",
        values: [{ name: "x-hw" }, { name: "x-provided-by", pattern: "^StackCDN" }],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    id: "bunny",
    // Its published edge list (MISP bunny-net: 901 single addresses) spans many hosting
    // companies' networks: a Bunny edge need not be in Bunny's own AS.
    edgesElsewhere: {
      source: "https://support.bunny.net/hc/en-us/articles/115003578911",
      unverified: true,
    },
    name: "Bunny",
    kinds: ["cdn", "dns"],
    website: "https://bunny.net",
    signals: [
      {
        type: "asn",
        values: [200325],
        source: "https://www.peeringdb.com/asn/200325",
        unverified: true,
      },
      { type: "cname", values: ["b-cdn.net"], source: WAPPALYZER },
      {
        type: "header",
        values: [{ name: "server", pattern: "^BunnyCDN" }, { name: "cdn-requestid" }],
        source: "https://docs.bunny.net/cdn/troubleshooting/run-traceroute",
      },
    ],
    abuse: {
      url: "https://bunny.net/abuse/",
      source: "https://docs.bunny.net/account/abuse-procedure",
    },
  },
  {
    id: "gcore",
    name: "Gcore",
    kinds: ["cdn"],
    website: "https://gcore.com",
    signals: [
      {
        type: "header",
        values: [
          { name: "x-id", pattern: "^[\\w-]+-gc\\d{2}$" },
          { name: "x-id-fe", pattern: "^[\\w-]+-gc\\d{2}$" },
        ],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    id: "cdn77",
    name: "CDN77",
    kinds: ["cdn"],
    website: "https://www.cdn77.com",
    signals: [
      {
        type: "header",
        values: [{ name: "server", pattern: "^CDN77-Turbo$" }],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    id: "keycdn",
    name: "KeyCDN",
    kinds: ["cdn"],
    website: "https://www.keycdn.com",
    signals: [
      {
        type: "header",
        values: [{ name: "server", pattern: "^keycdn-engine$" }],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    id: "edgio",
    name: "Edgecast (Edgio)",
    kinds: ["cdn"],
    website: "https://www.edgecast.com",
    signals: [
      {
        type: "header",
        values: [{ name: "server", pattern: "^(ECD|ECAcc|ECS) \\(" }],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    // Volterra, bought by F5 in 2021: its load balancers answer on F5's regional edges or on
    // F5 software in the customer's own sites ("CE sites").
    id: "f5-distributed-cloud",
    name: "F5 Distributed Cloud Services",
    kinds: ["cdn"],
    website: "https://www.f5.com/products/distributed-cloud-services",
    signals: [
      // The dataset's "F5 Distributed Cloud Services" technology; the location header is only
      // added on F5's regional edges (ignored on CE sites, per the load balancer reference).
      { type: "header", values: [{ name: "x-volterra-location" }], source: WAPPALYZER },
      {
        type: "header",
        values: [
          {
            name: "server",
            pattern: "^volt-adc$",
            weak: "F5 Distributed Cloud load balancer's default; may run on the site's own premises",
          },
        ],
        source:
          "https://github.com/volterraedge/terraform-provider-volterra/blob/fa492742f45fdfc79254ba9f73236059eacc0917/docs/resources/volterra_http_loadbalancer.md",
      },
    ],
    abuse: null,
  },
];
