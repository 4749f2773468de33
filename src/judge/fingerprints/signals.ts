import { getDomain } from "tldts";
import type { Evidence } from "../../sources/evidence.js";
import { chainVerified } from "../detectors/tls.js";

/** How much of the page the `html` rules see: the first 192 KiB and the last 64 KiB. */
export const HTML_HEAD_BYTES = 192 * 1024;
export const HTML_TAIL_BYTES = 64 * 1024;
const MAX_TAGS = 300;
const MAX_VALUE = 4096;

/** What the fingerprint rules look at, extracted once per page. */
export interface PageSignals {
  url: string | null;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /** <meta name|property=… content=…>, names lower-cased. */
  meta: Record<string, string[]>;
  /** <script src>, as written, and whether it lives on another registrable domain. */
  scripts: { src: string; thirdParty: boolean }[];
  /** The bounded slice of the page the `html` rules run on, and it lower-cased (for literals). */
  html: string;
  htmlLower: string;
  /** Every script URL, lower-cased and joined by newlines (for literals). */
  scriptsLower: string;
  /** DNS answers by record type (MX, NS, TXT, SOA, CNAME) for the dataset's `dns` rules. */
  dns: Record<string, string[]>;
  certIssuer: string | null;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:.-]{1,64})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = (m[1] as string).toLowerCase();
    if (!(name in attrs)) attrs[name] = (m[2] ?? m[3] ?? m[4] ?? "").slice(0, MAX_VALUE);
  }
  return attrs;
}

function tags(html: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${name}\\s[^<>]{0,4000}>`, "gi");
  for (let m = re.exec(html); m && out.length < MAX_TAGS; m = re.exec(html))
    out.push(attributes(m[0]));
  return out;
}

function isThirdParty(src: string, pageUrl: URL | null, pageDomain: string | null): boolean {
  if (!pageUrl) return false;
  let url: URL;
  try {
    url = new URL(src, pageUrl);
  } catch {
    return false;
  }
  if (url.hostname === pageUrl.hostname) return false;
  const domain = getDomain(url.hostname);
  return domain !== null && domain !== pageDomain;
}

/** Extracts the page signals from the evidence: bounded, linear scans only. */
export function pageSignals(evidence: Evidence): PageSignals {
  const http = evidence.http;
  const body = http?.body ?? "";
  let pageUrl: URL | null = null;
  try {
    pageUrl = http ? new URL(http.section.finalUrl) : null;
  } catch {
    pageUrl = null;
  }
  const pageDomain = pageUrl ? (getDomain(pageUrl.hostname) ?? pageUrl.hostname) : null;
  const meta: Record<string, string[]> = {};
  for (const attrs of tags(body, "meta")) {
    const name = (attrs.name ?? attrs.property)?.toLowerCase();
    if (!name || attrs.content === undefined) continue;
    meta[name] = [...(meta[name] ?? []), attrs.content];
  }
  const scripts = tags(body, "script")
    .map((a) => a.src)
    .filter((src): src is string => !!src)
    .map((src) => ({ src, thirdParty: isThirdParty(src, pageUrl, pageDomain) }));
  const html =
    body.length > HTML_HEAD_BYTES + HTML_TAIL_BYTES
      ? `${body.slice(0, HTML_HEAD_BYTES)}\n${body.slice(-HTML_TAIL_BYTES)}`
      : body;
  const d = evidence.dns?.section;
  const dns: Record<string, string[]> = d
    ? {
        MX: d.mx.map((m) => m.exchange),
        NS: d.ns,
        TXT: d.txt,
        SOA: d.soa ? [`${d.soa.mname} ${d.soa.rname}`] : [],
        CNAME: d.cname,
      }
    : {};
  const cap = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v.slice(0, MAX_VALUE)]));
  const tls = http?.section.tls;
  return {
    url: http?.section.finalUrl ?? null,
    headers: cap(http?.section.headers ?? {}),
    cookies: cap(http?.cookies ?? {}),
    meta,
    scripts,
    html,
    htmlLower: html.toLowerCase(),
    scriptsLower: scripts.map((x) => x.src.toLowerCase()).join("\n"),
    dns,
    // An unverified certificate can claim any issuer: only a verified chain's issuer counts.
    certIssuer: tls && chainVerified(tls) ? (tls.issuerOrg ?? tls.issuer ?? null) : null,
  };
}
