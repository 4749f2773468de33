// What the benchmark's web server answers for a generated site: provider-shaped headers and a
// page (~14 KB) with the markers a platform leaves (WordPress generator, Shopify assets…).
import { createHash } from "node:crypto";
import { indexOf, siteOf } from "./world.js";

const FILLER = Array.from(
  { length: 24 },
  (_, i) =>
    `<p>Section ${i}: we craft things with care. Opening hours, prices and directions are listed below; call us or write an e-mail, we answer within a day. Our team has served the neighbourhood for many years.</p>`,
).join("\n");

function headersOf(site, host) {
  const id = createHash("sha1").update(host).digest("hex").slice(0, 16);
  const h = { "content-type": "text/html; charset=utf-8", "cache-control": "max-age=600" };
  if (site.hosting === "cloudflare") {
    Object.assign(h, { server: "cloudflare", "cf-ray": `${id}-FRA`, "cf-cache-status": "DYNAMIC" });
  } else if (site.hosting === "cloudfront") {
    Object.assign(h, {
      server: "AmazonS3",
      via: `1.1 ${id}.cloudfront.net (CloudFront)`,
      "x-cache": "Hit from cloudfront",
      "x-amz-cf-pop": "FRA56-P5",
      "x-amz-cf-id": `${id}${id}==`,
    });
  } else {
    h.server = site.platform === "apache" ? "Apache/2.4.62 (Debian)" : "nginx/1.26.2";
  }
  if (site.platform === "wordpress") {
    h.link = `<https://${host}/wp-json/>; rel="https://api.w.org/"`;
    h["x-powered-by"] = "PHP/8.2.26";
  }
  if (site.platform === "shopify") {
    Object.assign(h, { "x-shopid": String(site.n), "powered-by": "Shopify", "x-shardid": "300" });
  }
  return h;
}

function bodyOf(site, host) {
  const wp = site.platform === "wordpress";
  const shop = site.platform === "shopify";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${site.domain} — welcome</title>
${wp ? '<meta name="generator" content="WordPress 6.6.2">' : ""}
${wp ? `<link rel="stylesheet" href="https://${host}/wp-content/themes/twentytwentyfour/style.css?ver=1.2">` : ""}
${shop ? '<link rel="stylesheet" href="https://cdn.shopify.com/s/files/1/0000/0001/t/1/assets/theme.css">' : ""}
<script src="https://${host}/${wp ? "wp-includes/js/jquery/jquery.min.js?ver=3.7.1" : "assets/app.js"}"></script>
${shop ? '<script>window.Shopify = window.Shopify || {}; Shopify.shop = "bench.myshopify.com";</script>' : ""}
</head><body>
<header><h1>${site.domain}</h1><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav></header>
<main>
${FILLER}
</main>
<footer>© 2026 ${site.domain}</footer>
</body></html>
`;
}

/** The response for a request to `host` (null: no such site → 404). */
export function siteResponse(host, secure) {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  const n = indexOf(name);
  if (n === null) return null;
  const site = siteOf(n);
  if (site.failure === "http-timeout") return "hang";
  if (!secure) return { status: 301, headers: { location: `https://${name}/` }, body: "" };
  if (site.redirectToWww && name === site.domain) {
    return {
      status: 301,
      headers: { location: `https://www.${name}/`, ...headersOf(site, name) },
      body: "",
    };
  }
  return { status: 200, headers: headersOf(site, name), body: bodyOf(site, name) };
}
