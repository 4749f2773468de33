import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { getDomain } from "tldts";
import type { Target } from "./types.js";

/** A target that cannot be scanned, with a one-line reason. */
export interface InvalidTarget {
  input: string;
  reason: string;
}

export type ParsedTarget = { ok: true; target: Target } | { ok: false; invalid: InvalidTarget };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;

/** Longest input line read as a target: a URL this long is junk, and parsing it costs time. */
export const MAX_TARGET_LENGTH = 8192;

function invalid(input: string, reason: string): ParsedTarget {
  return { ok: false, invalid: { input, reason } };
}

// URLs and "host/path" or "host:port" forms go through WHATWG URL parsing; e-mail keeps the part after @.
function extractHost(raw: string): { host: string; url: string | null } | { error: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { error: "not a valid URL" };
    }
    if (!url.hostname) return { error: "URL has no host" };
    const web = url.protocol === "http:" || url.protocol === "https:";
    return { host: url.hostname, url: web ? url.toString() : null };
  }
  if (raw.includes("@")) {
    const host = raw.slice(raw.lastIndexOf("@") + 1);
    return host ? { host, url: null } : { error: "e-mail address has no domain" };
  }
  if (/[/:?#]/.test(raw) && !raw.startsWith("[") && isIP(raw) === 0) {
    try {
      return { host: new URL(`http://${raw}`).hostname, url: null };
    } catch {
      return { error: "not a valid host name" };
    }
  }
  return { host: raw, url: null };
}

/**
 * Normalises a domain, URL or e-mail address to a lower-case ASCII host and its registrable
 * domain (ICANN section of the Public Suffix List: `foo.github.io` → `github.io`).
 */
export function parseTarget(input: string): ParsedTarget {
  if (input.length > MAX_TARGET_LENGTH) {
    return invalid(input, `longer than ${MAX_TARGET_LENGTH} characters`);
  }
  const raw = input.trim();
  if (!raw) return invalid(input, "empty target");
  if (/\s/.test(raw)) return invalid(input, "target contains white space");
  const extracted = extractHost(raw);
  if ("error" in extracted) return invalid(input, extracted.error);
  const bare = extracted.host.replace(/^\[|\]$/g, "");
  if (isIP(bare) !== 0) return invalid(input, "IP addresses are not supported as targets yet");
  const name = bare.endsWith(".") ? bare.slice(0, -1) : bare;
  if (!name) return invalid(input, "empty host name");
  if (name.split(".").some((l) => l === "")) return invalid(input, "empty label in host name");
  const host = domainToASCII(name.toLowerCase());
  if (!host) return invalid(input, "not a valid internationalised domain name");
  if (host.length > 253) return invalid(input, "host name longer than 253 octets");
  const labels = host.split(".");
  if (labels.some((l) => l.length > 63)) return invalid(input, "label longer than 63 octets");
  if (!labels.every((l) => LABEL.test(l))) return invalid(input, "invalid character in host name");
  if (labels.length < 2) return invalid(input, "not a fully qualified domain name");
  const domain = getDomain(host, { allowPrivateDomains: false });
  if (!domain) return invalid(input, "no registrable domain (a public suffix itself?)");
  return { ok: true, target: { input, host, domain, url: extracted.url } };
}
