// Hosting and cloud networks (AS owners) and managed hosts that reveal themselves in headers.

import type { ProviderEntry } from "../schema.js";
import { BAD_ASN, CDNCHECK, MXSNIFF, peeringdb, WAPPALYZER } from "./sources.js";

/** An AS-owner entry whose ASN is sourced from PeeringDB only (not re-checked: unverified). */
function network(
  id: string,
  name: string,
  asns: number[],
  website: string,
  extra: Partial<ProviderEntry> = {},
): ProviderEntry {
  return {
    id,
    name,
    kinds: ["hosting"],
    website,
    signals: [{ type: "asn", values: asns, source: peeringdb(asns[0] ?? 0), unverified: true }],
    abuse: null,
    ...extra,
  };
}

export const HOSTING_PROVIDERS: ProviderEntry[] = [
  {
    id: "aws",
    rentable: true,
    name: "Amazon Web Services",
    kinds: ["hosting"],
    website: "https://aws.amazon.com",
    signals: [
      { type: "asn", values: [16509, 14618], source: BAD_ASN },
      {
        type: "header",
        values: [
          { name: "server", pattern: "^AmazonS3$" },
          { name: "x-amz-request-id" },
          { name: "x-amz-id-2" },
        ],
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
    id: "google-cloud",
    rentable: true,
    name: "Google Cloud",
    kinds: ["hosting"],
    website: "https://cloud.google.com",
    signals: [
      {
        type: "asn",
        values: [15169, 396982],
        source: "https://github.com/daenney/fedinetmap/blob/main/data/README.md",
      },
      {
        type: "header",
        values: [
          { name: "server", pattern: "^Google Frontend$" },
          { name: "x-goog-storage-class" },
        ],
        source: WAPPALYZER,
      },
    ],
    abuse: {
      email: "network-abuse@google.com",
      source: "https://rdap.arin.net/registry/ip/8.8.8.8",
    },
  },
  {
    id: "microsoft-azure",
    rentable: true,
    name: "Microsoft Azure",
    kinds: ["hosting"],
    website: "https://azure.microsoft.com",
    signals: [
      { type: "asn", values: [8075], source: BAD_ASN },
      {
        type: "header",
        values: [{ name: "server", pattern: "^Windows-Azure" }, { name: "x-ms-request-id" }],
        source: WAPPALYZER,
      },
      { type: "cookie", values: ["ARRAffinity", "TiPMix"], source: WAPPALYZER },
    ],
    abuse: { email: "abuse@microsoft.com", source: "https://rdap.arin.net/registry/ip/13.64.0.0" },
  },
  {
    id: "ovhcloud",
    name: "OVHcloud",
    kinds: ["hosting", "dns", "email"],
    website: "https://www.ovhcloud.com",
    signals: [
      { type: "asn", values: [16276], source: "https://rdap.db.ripe.net/autnum/16276" },
      { type: "ns", values: ["ovh.net", "anycast.me"], source: WAPPALYZER },
      { type: "mx", values: ["mail.ovh.net"], source: MXSNIFF },
      { type: "header", values: [{ name: "x-iplb-request-id" }], source: WAPPALYZER },
    ],
    abuse: { email: "abuse@ovh.net", source: "https://rdap.db.ripe.net/autnum/16276" },
  },
  network("hetzner", "Hetzner", [24940], "https://www.hetzner.com", {
    kinds: ["hosting", "dns"],
    signals: [
      {
        type: "asn",
        values: [24940],
        source: "https://botcrawl.com/datacenters/hetzner-online-as24940/",
      },
      { type: "ns", values: ["ns.hetzner.com"], source: WAPPALYZER },
      {
        type: "ns",
        values: ["ns.hetzner.de"],
        source: "https://docs.hetzner.com/dns-console/dns/general/authoritative-name-servers/",
        unverified: true,
      },
    ],
    abuse: {
      url: "https://abuse.hetzner.com",
      source: "https://www.hetzner.com/legal/digital-services-act/",
    },
  }),
  network("digitalocean", "DigitalOcean", [14061], "https://www.digitalocean.com", {
    kinds: ["hosting", "dns"],
    signals: [
      { type: "asn", values: [14061], source: "https://www.as14061.net/" },
      {
        type: "ns",
        values: ["digitalocean.com"],
        source: "https://docs.digitalocean.com/products/networking/dns/",
        unverified: true,
      },
    ],
    // ARIN OrgAbuse POC of DigitalOcean, LLC (DO-13) in 2021–2022 whois captures; the network
    // comment there reads "Please submit abuse reports at …/company/contact/#abuse".
    abuse: {
      email: "abuse@digitalocean.com",
      phone: "+1-347-875-6044",
      url: "https://www.digitalocean.com/company/contact/#abuse",
      source: "https://rdap.arin.net/registry/entity/ABUSE5232-ARIN",
      unverified: true,
    },
  }),
  network("linode", "Akamai Connected Cloud (Linode)", [63949], "https://www.linode.com", {
    kinds: ["hosting", "dns"],
    signals: [
      { type: "asn", values: [63949], source: CDNCHECK },
      {
        type: "ns",
        values: ["linode.com"],
        source: "https://www.linode.com/docs/products/networking/dns-manager/",
        unverified: true,
      },
    ],
    abuse: {
      url: "https://www.linode.com/legal-abuse/",
      source: "https://www.linode.com/fr/legal-abuse/",
    },
  }),
  network("vultr", "Vultr", [20473], "https://www.vultr.com", {
    // ARIN OrgAbuseEmail of Vultr Holdings, LLC (VHL-31) on its reassigned blocks, as captured.
    abuse: {
      email: "abuse@vultr.com",
      source: "https://rdap.arin.net/registry/entity/VHL-31",
      unverified: true,
    },
  }),
  network("contabo", "Contabo", [51167], "https://contabo.com", {
    // RIPE abuse-c of Contabo GmbH (ORG-GG22-RIPE): "Abuse contact for 173.249.32.0 -
    // 173.249.63.255 is 'abuse@contabo.de'" (whois captures, 2021).
    abuse: {
      email: "abuse@contabo.de",
      source: "https://rdap.db.ripe.net/entity/MH12453-RIPE",
      unverified: true,
    },
  }),
  network("leaseweb", "Leaseweb", [60781, 16265], "https://www.leaseweb.com", {
    abuse: {
      url: "https://www.leaseweb.com/en/about-us/legal/abuse-handling",
      source: "https://www.leaseweb.com/en/about-us/legal/abuse-handling",
    },
  }),
  network("scaleway", "Scaleway", [12876], "https://www.scaleway.com", {
    abuse: {
      url: "https://abuse.scaleway.com",
      source:
        "https://github.com/scaleway/docs-content/blob/0c8b30872b5fbaa2d7b60c193ff98119408f4162/pages/account/faq.mdx",
    },
  }),
  network("ionos", "IONOS", [8560], "https://www.ionos.com", {
    kinds: ["hosting", "dns", "email"],
    signals: [
      { type: "asn", values: [8560], source: peeringdb(8560), unverified: true },
      {
        type: "ns",
        values: ["ui-dns.com", "ui-dns.de", "ui-dns.org", "ui-dns.biz"],
        source: "https://www.ionos.com/help/domains/",
        unverified: true,
      },
      {
        type: "mx",
        values: ["ionos.com", "ionos.de", "1and1.com"],
        source: "https://www.ionos.com/help/email/",
        unverified: true,
      },
    ],
    abuse: { email: "abuse@ionos.com", source: "https://ionos.com/terms-gtc/domain/terms-abuse" },
  }),
  network("godaddy", "GoDaddy", [26496], "https://www.godaddy.com", {
    kinds: ["hosting", "dns", "email"],
    signals: [
      { type: "asn", values: [26496], source: peeringdb(26496), unverified: true },
      { type: "ns", values: ["domaincontrol.com"], source: WAPPALYZER },
      { type: "mx", values: ["secureserver.net"], source: MXSNIFF },
      { type: "cookie", values: ["dps_site_id"], source: WAPPALYZER },
    ],
    abuse: {
      email: "abuse@godaddy.com",
      phone: "+1.4806242505",
      source:
        "https://github.com/weppos/whois-parser/blob/bedb4a48b0c9b28dad1c18e5d2bd0f761642927c/spec/fixtures/responses/whois.godaddy.com/status_registered.txt",
    },
  }),
  network("hostinger", "Hostinger", [47583], "https://www.hostinger.com", {
    kinds: ["hosting", "dns"],
    signals: [
      { type: "asn", values: [47583], source: peeringdb(47583), unverified: true },
      { type: "ns", values: ["dns-parking.com"], source: WAPPALYZER },
      {
        type: "header",
        values: [
          { name: "platform", pattern: "^hostinger$" },
          { name: "server", pattern: "^hcdn$" },
        ],
        source: WAPPALYZER,
      },
    ],
    abuse: {
      url: "https://www.hostinger.com/report-abuse",
      source: "https://hostinger.com/ee/legal/abuse-policy",
    },
  }),
  network("namecheap", "Namecheap", [22612], "https://www.namecheap.com", {
    kinds: ["hosting", "dns", "email"],
    signals: [
      { type: "asn", values: [22612], source: peeringdb(22612), unverified: true },
      {
        type: "ns",
        values: ["registrar-servers.com"],
        source:
          "https://www.namecheap.com/support/knowledgebase/article.aspx/9608/2208/how-do-i-link-my-domain-to-my-squarespace-account/",
        unverified: true,
      },
      {
        type: "mx",
        values: ["privateemail.com"],
        source: "https://www.namecheap.com/support/knowledgebase/",
        unverified: true,
      },
    ],
    abuse: {
      url: "https://www.namecheap.com/support/knowledgebase/article.aspx/9196/5/how-and-where-can-i-file-abuse-complaints/",
      source:
        "https://www.namecheap.com/support/knowledgebase/article.aspx/9196/5/how-and-where-can-i-file-abuse-complaints/",
    },
  }),
  network("automattic", "Automattic", [2635], "https://automattic.com", {
    // ARIN OrgAbuse POC of Automattic, Inc (AUTOM-93), holder of 192.0.64.0/18 (2025 capture).
    abuse: {
      email: "abuse@automattic.com",
      phone: "+1-877-273-8550",
      source: "https://rdap.arin.net/registry/entity/ABUSE3970-ARIN",
      unverified: true,
    },
  }),
  network("alibaba-cloud", "Alibaba Cloud", [45102, 37963], "https://www.alibabacloud.com"),
  network("oracle-cloud", "Oracle Cloud", [31898], "https://www.oracle.com/cloud/"),
  network("tencent-cloud", "Tencent Cloud", [132203], "https://www.tencentcloud.com"),
  network("upcloud", "UpCloud", [202053], "https://upcloud.com", {
    abuse: {
      email: "abuse@upcloud.com",
      url: "https://upcloud.com/reporting-abuse",
      source: "https://upcloud.com/reporting-abuse",
      unverified: true,
    },
  }),
  {
    id: "heroku",
    name: "Heroku",
    kinds: ["hosting", "platform"],
    website: "https://www.heroku.com",
    signals: [
      {
        type: "header",
        values: [{ name: "via", pattern: "(^|[\\s,])(vegur|heroku-router)(,|$)" }],
        source: WAPPALYZER,
      },
      {
        type: "cname",
        values: ["herokudns.com", "herokuapp.com"],
        source: "https://devcenter.heroku.com/articles/custom-domains",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "fly-io",
    name: "Fly.io",
    kinds: ["hosting", "platform"],
    website: "https://fly.io",
    signals: [
      {
        type: "header",
        values: [{ name: "fly-request-id" }, { name: "server", pattern: "^Fly/" }],
        source: WAPPALYZER,
      },
      {
        type: "cname",
        values: ["fly.dev"],
        source: "https://fly.io/docs/networking/custom-domain/",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "render",
    name: "Render",
    kinds: ["hosting", "platform"],
    website: "https://render.com",
    signals: [
      { type: "header", values: [{ name: "x-render-origin-server" }], source: WAPPALYZER },
      {
        type: "cname",
        values: ["onrender.com"],
        source: "https://render.com/docs/custom-domains",
        unverified: true,
      },
    ],
    abuse: null,
  },
  {
    id: "pantheon",
    name: "Pantheon",
    kinds: ["hosting", "platform"],
    website: "https://pantheon.io",
    signals: [
      {
        type: "header",
        values: [
          { name: "x-pantheon-styx-hostname" },
          { name: "x-styx-req-id" },
          { name: "server", pattern: "^Pantheon" },
        ],
        source: WAPPALYZER,
      },
    ],
    // Pantheon's own documentation (pantheon-systems/documentation, domain-hijacking guide): "If
    // you do not have access to Pantheon support, you may email abuse@pantheon.io".
    abuse: {
      email: "abuse@pantheon.io",
      source:
        "https://github.com/pantheon-systems/documentation/blob/dbee323ff5cb2d5e35d0e1b1c09273f79b57bc72/source/content/guides/domains/08-domain-hijacking.md",
    },
  },
  {
    id: "wp-engine",
    name: "WP Engine",
    kinds: ["hosting", "platform"],
    website: "https://wpengine.com",
    signals: [
      {
        type: "header",
        values: [
          { name: "x-powered-by", pattern: "^WP Engine$" },
          { name: "wpe-backend" },
          { name: "x-pass-why" },
        ],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
  {
    id: "kinsta",
    name: "Kinsta",
    kinds: ["hosting", "platform"],
    website: "https://kinsta.com",
    signals: [{ type: "header", values: [{ name: "x-kinsta-cache" }], source: WAPPALYZER }],
    abuse: null,
  },
  {
    id: "siteground",
    name: "SiteGround",
    kinds: ["hosting", "dns"],
    website: "https://www.siteground.com",
    signals: [{ type: "ns", values: ["sgvps.net"], source: WAPPALYZER }],
    // SiteGround's notice-and-action page names this point of contact for "a website hosted by
    // us … associated with illegal activity" (its EU company, under the Digital Services Act).
    abuse: {
      email: "compliance@siteground.es",
      url: "https://eu.siteground.com/viewtos/policy_complaints_notices?lang=en&scid=3",
      source: "https://eu.siteground.com/viewtos/policy_complaints_notices?lang=en&scid=3",
    },
  },
  {
    id: "dreamhost",
    name: "DreamHost",
    kinds: ["hosting", "dns"],
    website: "https://www.dreamhost.com",
    signals: [{ type: "ns", values: ["dreamhost.com"], source: WAPPALYZER }],
    abuse: { email: "abuse@dreamhost.com", source: "https://www.dreamhost.com/fr/legal/abus/" },
  },
  {
    id: "bluehost",
    name: "Bluehost",
    kinds: ["hosting", "dns"],
    website: "https://www.bluehost.com",
    signals: [{ type: "ns", values: ["bluehost.com"], source: WAPPALYZER }],
    abuse: {
      email: "legal@bluehost.com",
      source: "https://www.bluehost.com/help/article/report-tos-violation",
    },
  },
  {
    id: "cloudways",
    name: "Cloudways",
    kinds: ["hosting"],
    website: "https://www.cloudways.com",
    signals: [
      {
        type: "header",
        values: [{ name: "cache-provider", pattern: "^CLOUDWAYS-CACHE" }],
        source: WAPPALYZER,
      },
    ],
    abuse: null,
  },
];
