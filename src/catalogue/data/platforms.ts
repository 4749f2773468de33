// Hosted site platforms: the company that runs the site software for its customers.

import type { ProviderEntry } from "../schema.js";
import { misp, peeringdb, WAPPALYZER } from "./sources.js";

export const PLATFORM_PROVIDERS: ProviderEntry[] = [
  {
    id: "wordpress-com",
    name: "WordPress.com",
    kinds: ["platform", "dns"],
    website: "https://wordpress.com",
    network: "automattic",
    signals: [
      { type: "ns", values: ["wordpress.com"], source: "https://opte.io/support/ip-addresses/" },
      {
        type: "header",
        values: [
          { name: "host-header", pattern: "^(WordPress\\.com|wpcloud)$" },
          { name: "x-ac", pattern: "^\\d+\\.[a-z]{3} _" },
          {
            name: "x-hacker",
            pattern: "^If you're reading this, you should visit automattic\\.com/jobs",
          },
          { name: "server-timing", pattern: "(^|,\\s*)a8c-cdn\\b" },
        ],
        source: WAPPALYZER,
      },
      { type: "tech", values: ["WordPress.com"], source: WAPPALYZER },
    ],
    abuse: {
      url: "https://wordpress.com/abuse/",
      source: "https://wordpress.com/abuse/",
      unverified: true,
    },
  },
  {
    id: "wordpress-vip",
    name: "WordPress VIP",
    kinds: ["platform", "hosting"],
    website: "https://wpvip.com",
    network: "automattic",
    signals: [
      {
        type: "header",
        values: [
          { name: "x-powered-by", pattern: "^WordPress VIP\\b" },
          {
            name: "x-hacker",
            pattern: "^If you're reading this, you should visit wpvip\\.com/careers",
          },
        ],
        source: "https://docs.wpvip.com/infrastructure/edge-servers/http-headers/added-by-vip/",
      },
      { type: "tech", values: ["WordPress VIP"], source: WAPPALYZER },
    ],
    abuse: null,
  },
  {
    id: "shopify",
    name: "Shopify",
    kinds: ["platform", "hosting"],
    website: "https://www.shopify.com",
    signals: [
      {
        type: "prefix",
        values: ["23.227.38.65/32", "2620:127:f00f:5::/128"],
        source: "https://help.shopify.com/manual/domains/understanding-domains",
      },
      // ARIN NET-23-227-32-0-1 "SHOPIFY-NET", registered to Shopify, Inc., OriginAS AS62679.
      {
        type: "prefix",
        values: ["23.227.32.0/19"],
        source: "https://rdap.arin.net/registry/ip/23.227.32.0",
        unverified: true,
      },
      {
        type: "asn",
        values: [62679],
        source: "https://rdap.arin.net/registry/ip/23.227.32.0",
        unverified: true,
      },
      {
        type: "cname",
        values: ["myshopify.com"],
        source: "https://help.shopify.com/manual/domains/understanding-domains",
      },
      {
        type: "header",
        values: [{ name: "x-shopid" }, { name: "x-shopify-stage" }],
        source: WAPPALYZER,
      },
      { type: "cookie", values: ["_shopify_*"], source: WAPPALYZER },
      { type: "tech", values: ["Shopify"], source: WAPPALYZER },
    ],
    // ARIN OrgAbuse POC "Shopify Abuse" of Shopify, Inc. (SHOPI-1), holder of 23.227.32.0/19.
    abuse: {
      email: "abuse@shopify.com",
      phone: "+1-888-746-7439",
      source: "https://rdap.arin.net/registry/entity/SHOPI2-ARIN",
      unverified: true,
    },
  },
  {
    id: "wix",
    name: "Wix",
    kinds: ["platform", "hosting", "dns"],
    website: "https://www.wix.com",
    signals: [
      { type: "asn", values: [58182], source: peeringdb(58182), unverified: true },
      {
        type: "ns",
        values: ["wixdns.net"],
        source: "http://www.wix.com/support/main/html5/domains-email/index-terms-domains-emails",
        unverified: true,
      },
      {
        type: "cname",
        values: ["wixdns.net"],
        source: "https://dev.wix.com/docs/rest/account-level/domains/domain-dns/introduction",
        unverified: true,
      },
      {
        type: "header",
        values: [
          { name: "x-wix-request-id" },
          { name: "server", pattern: "^Pepyaka" },
          { name: "x-wix-renderer-server" },
        ],
        source: WAPPALYZER,
      },
      { type: "tech", values: ["Wix"], source: WAPPALYZER },
    ],
    abuse: { url: "https://www.wix.com/abuse", source: "https://www.wix.com/abuse" },
  },
  {
    id: "squarespace",
    name: "Squarespace",
    kinds: ["platform", "hosting", "dns"],
    website: "https://www.squarespace.com",
    signals: [
      { type: "asn", values: [53831], source: peeringdb(53831), unverified: true },
      {
        type: "prefix",
        values: ["198.185.159.0/24", "198.49.23.0/24"],
        source: "https://support.squarespace.com/hc/en-us/articles/205812378",
        unverified: true,
      },
      {
        type: "cname",
        values: ["squarespace.com"],
        source:
          "https://www.namecheap.com/support/knowledgebase/article.aspx/9608/2208/how-do-i-link-my-domain-to-my-squarespace-account/",
      },
      {
        type: "ns",
        values: ["squarespacedns.com"],
        source:
          "https://www.namecheap.com/support/knowledgebase/article.aspx/9608/2208/how-do-i-link-my-domain-to-my-squarespace-account/",
      },
      { type: "header", values: [{ name: "server", pattern: "^Squarespace" }], source: WAPPALYZER },
      {
        type: "cookie",
        values: ["SS_MID", "SS_MATTR"],
        source:
          "https://github.com/EnableSecurity/wafw00f/tree/acf61041/wafw00f/plugins/squarespace.py",
      },
      { type: "tech", values: ["Squarespace"], source: WAPPALYZER },
    ],
    // reportphishing@squarespace.com is only for e-mails impersonating Squarespace, not for
    // sites it hosts (support article 217144298): no channel for those is published.
    abuse: null,
  },
  {
    id: "blogger",
    name: "Blogger",
    kinds: ["platform"],
    website: "https://www.blogger.com",
    network: "google-cloud",
    signals: [
      {
        type: "cname",
        values: ["ghs.google.com", "ghs.googlehosted.com"],
        source: "http://blogging.nitecruzr.net/2008/12/your-blog-custom-domains-and-righteous.html",
      },
      { type: "tech", values: ["Blogger"], source: WAPPALYZER },
    ],
    // Blogger's own "Report content" form (it asks for the address of the content).
    abuse: {
      url: "https://www.blogger.com/report",
      source:
        "https://www.blogger.com/report?hl=sv&id=4497796259098313720&url=http://wanels.blogspot.com/",
    },
  },
  {
    id: "ghost-pro",
    name: "Ghost(Pro)",
    kinds: ["platform"],
    website: "https://ghost.org/pricing/",
    signals: [
      { type: "header", values: [{ name: "ghost-fastly", pattern: "^true" }], source: WAPPALYZER },
    ],
    abuse: null,
  },
  {
    id: "webflow",
    name: "Webflow",
    kinds: ["platform"],
    website: "https://webflow.com",
    signals: [
      {
        type: "cname",
        values: ["proxy-ssl.webflow.com", "proxy.webflow.com"],
        source: "https://help.webflow.com/hc/en-us/articles/33961239165843",
        unverified: true,
      },
      { type: "tech", values: ["Webflow"], source: WAPPALYZER, unverified: true },
    ],
    abuse: null,
  },
  {
    id: "tumblr",
    name: "Tumblr",
    kinds: ["platform"],
    website: "https://www.tumblr.com",
    network: "automattic",
    signals: [
      {
        type: "cname",
        values: ["domains.tumblr.com"],
        source: "https://help.tumblr.com/hc/en-us/articles/231256548",
        unverified: true,
      },
      { type: "tech", values: ["Tumblr"], source: WAPPALYZER, unverified: true },
    ],
    // Tumblr's guidance as the Australian eSafety Commissioner publishes it.
    abuse: {
      email: "abuse@tumblr.com",
      source:
        "https://www.esafety.gov.au/esafety-information/games-apps-and-social-networking/tumblr",
      unverified: true,
    },
  },
  {
    id: "medium",
    name: "Medium",
    kinds: ["platform"],
    website: "https://medium.com",
    signals: [{ type: "tech", values: ["Medium"], source: WAPPALYZER, unverified: true }],
    // For posts and accounts that break the Medium Rules (Medium's own policy repository).
    abuse: {
      email: "trust@medium.com",
      source:
        "https://github.com/Medium/medium-policy/blob/05c5eb1ded0e76ea2efd2ce1b3bd8e61b7539398/Rules.md",
    },
  },
  {
    id: "substack",
    name: "Substack",
    kinds: ["platform"],
    website: "https://substack.com",
    signals: [
      {
        type: "cname",
        values: ["substack-custom-domains.com"],
        source: "https://support.substack.com/hc/en-us/articles/360037466012",
        unverified: true,
      },
      { type: "tech", values: ["Substack"], source: WAPPALYZER, unverified: true },
    ],
    // Substack takes reports in the product ("Report" in a post's or profile's menu); its Trust &
    // Safety help section explains how.
    abuse: {
      url: "https://support.substack.com/hc/en-us/sections/4404983260052-Trust-Safety",
      source:
        "https://support.substack.com/hc/en-us/articles/15328471662356-How-do-I-report-a-profile-on-Substack",
    },
  },
  {
    id: "weebly",
    name: "Weebly",
    kinds: ["platform"],
    website: "https://www.weebly.com",
    signals: [{ type: "tech", values: ["Weebly"], source: WAPPALYZER, unverified: true }],
    abuse: null,
  },
  {
    id: "github-pages",
    name: "GitHub Pages",
    kinds: ["platform", "hosting"],
    website: "https://pages.github.com",
    signals: [
      { type: "prefix", values: ["185.199.108.0/22", "2606:50c0::/32"], source: misp("github") },
      {
        type: "cname",
        values: ["github.io"],
        source: "https://cleberg.io/blog/redirect-github-pages/",
      },
      {
        type: "header",
        values: [{ name: "x-github-request-id" }, { name: "server", pattern: "^GitHub\\.com$" }],
        source: WAPPALYZER,
      },
      { type: "tech", values: ["GitHub Pages"], source: WAPPALYZER },
    ],
    abuse: {
      url: "https://docs.github.com/en/communities/maintaining-your-safety-on-github/reporting-abuse-or-spam",
      source:
        "https://docs.github.com/en/communities/maintaining-your-safety-on-github/reporting-abuse-or-spam",
    },
  },
  {
    id: "vercel",
    name: "Vercel",
    kinds: ["platform", "hosting", "cdn", "dns"],
    website: "https://vercel.com",
    signals: [
      {
        type: "prefix",
        values: ["76.76.21.21/32"],
        source: "https://vercel-site.vercel.sh/docs/projects/domains/working-with-dns",
      },
      {
        type: "cname",
        values: ["vercel-dns.com", "vercel.app"],
        source: "https://vercel.com/docs/edge-network/headers",
      },
      { type: "ns", values: ["vercel-dns.com"], source: WAPPALYZER, unverified: true },
      {
        type: "header",
        values: [
          { name: "x-vercel-id" },
          { name: "server", pattern: "^Vercel$" },
          { name: "x-vercel-cache" },
        ],
        source: "https://http.dev/x-vercel-id",
      },
      { type: "tech", values: ["Vercel"], source: WAPPALYZER },
    ],
    abuse: {
      url: "https://vercel.com/abuse",
      source: "https://vercel.com/legal/transparency",
      unverified: true,
    },
  },
  {
    id: "netlify",
    name: "Netlify",
    kinds: ["platform", "hosting", "cdn"],
    website: "https://www.netlify.com",
    // Its documented load balancer address and edge nodes are AWS space (provider-facts §4.13).
    runsOn: ["aws"],
    signals: [
      {
        type: "prefix",
        values: ["75.2.60.5/32"],
        source:
          "https://www.netlify.com/blog/2020/03/26/how-to-set-up-netlify-dns-custom-domains-cname-a-records/",
      },
      {
        type: "cname",
        values: ["netlify.app", "apex-loadbalancer.netlify.com"],
        source:
          "https://www.netlify.com/blog/2020/03/26/how-to-set-up-netlify-dns-custom-domains-cname-a-records/",
      },
      {
        type: "header",
        values: [{ name: "x-nf-request-id" }, { name: "server", pattern: "^Netlify" }],
        source: WAPPALYZER,
      },
      { type: "tech", values: ["Netlify"], source: WAPPALYZER },
    ],
    // The "Abuse" link in netlify.com's own site footer (2024–2026 captures): a mailto with the
    // subject "Abuse report", asking for the site URL and the reason.
    abuse: {
      email: "fraud@netlify.com",
      source: "https://www.netlify.com/",
      unverified: true,
    },
  },
  {
    id: "pressable",
    name: "Pressable",
    kinds: ["platform", "hosting"],
    website: "https://pressable.com",
    network: "automattic",
    signals: [
      {
        type: "prefix",
        values: ["199.16.172.0/23"],
        source: "https://pressable.com",
        unverified: true,
      },
    ],
    abuse: null,
  },
];
