// Authoritative DNS hosts that are not also in the CDN or hosting lists.

import type { ProviderEntry } from "../schema.js";
import { peeringdb, WAPPALYZER } from "./sources.js";

export const DNS_PROVIDERS: ProviderEntry[] = [
  {
    id: "aws-route53",
    name: "Amazon Route 53",
    kinds: ["dns"],
    website: "https://aws.amazon.com/route53/",
    network: "aws",
    signals: [
      // ns-1064.awsdns-05.org: the numbered label is the zone's delegation set.
      {
        type: "ns",
        // Route 53's nameservers are ns-<n>.awsdns-<two digits>.<tld>: digits only, so that
        // `awsdns-evil.com`, which anyone may register, is not Route 53.
        values: ["awsdns-##.com", "awsdns-##.net", "awsdns-##.org", "awsdns-##.co.uk"],
        source: WAPPALYZER,
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
    id: "google-cloud-dns",
    name: "Google Cloud DNS",
    kinds: ["dns"],
    website: "https://cloud.google.com/dns",
    network: "google-cloud",
    signals: [{ type: "ns", values: ["googledomains.com"], source: WAPPALYZER }],
    abuse: {
      email: "network-abuse@google.com",
      source: "https://rdap.arin.net/registry/ip/8.8.8.8",
    },
  },
  {
    id: "azure-dns",
    name: "Azure DNS",
    kinds: ["dns"],
    website: "https://azure.microsoft.com/products/dns",
    network: "microsoft-azure",
    signals: [
      {
        type: "ns",
        values: ["azure-dns.com", "azure-dns.net", "azure-dns.org", "azure-dns.info"],
        source: WAPPALYZER,
      },
    ],
    abuse: { email: "abuse@microsoft.com", source: "https://rdap.arin.net/registry/ip/13.64.0.0" },
  },
  {
    id: "ns1",
    name: "NS1 (IBM)",
    kinds: ["dns"],
    website: "https://ns1.com",
    signals: [
      {
        type: "ns",
        values: ["nsone.net"],
        source:
          "https://www.netlify.com/blog/2020/03/26/how-to-set-up-netlify-dns-custom-domains-cname-a-records/",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "dnsimple",
    name: "DNSimple",
    kinds: ["dns"],
    website: "https://dnsimple.com",
    signals: [
      {
        type: "ns",
        values: ["dnsimple.com", "dnsimple-edge.net", "dnsimple-edge.org"],
        source: "https://support.dnsimple.com/articles/dnsimple-nameservers/",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "gandi",
    name: "Gandi",
    kinds: ["dns", "email"],
    website: "https://www.gandi.net",
    signals: [
      {
        type: "ns",
        values: ["gandi.net"],
        source:
          "https://docs.gandi.net/en/domain_names/common_operations/changing_nameservers.html",
        unverified: true,
      },
      {
        type: "mx",
        values: ["gandi.net"],
        source: "https://docs.gandi.net/en/gandimail/",
        unverified: true,
      },
      { type: "asn", values: [29169], source: peeringdb(29169), unverified: true },
    ],
    abuse: {
      email: "abuse@support.gandi.net",
      source: "https://www.gandi.net/en/abuse",
      unverified: true,
    },
  },
  {
    id: "dns-made-easy",
    name: "DNS Made Easy",
    kinds: ["dns"],
    website: "https://dnsmadeeasy.com",
    signals: [
      {
        type: "ns",
        values: ["dnsmadeeasy.com"],
        source: "https://dnsmadeeasy.com/support/",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "ultradns",
    name: "UltraDNS (Vercara)",
    kinds: ["dns"],
    website: "https://vercara.com",
    signals: [
      {
        type: "ns",
        values: ["ultradns.com", "ultradns.net", "ultradns.org", "ultradns.biz"],
        source: "https://vercara.com/authoritative-dns",
        unverified: true,
      },
    ],
    abuse: null,
  },
];
