import { getDomain } from "tldts";
import { errorCode, toErrorEntry } from "../errors.js";
import type { ErrorEntry, TlsInfo } from "../records.js";
import { findConnectFailure } from "./connect-failure.js";
import { parseSetCookies } from "./cookies.js";
import { type FetchedResponse, fetchOnce } from "./fetch-once.js";
import type { HttpClient } from "./probe-client.js";

/** At most this many redirects are followed (as browsers and curl's --max-redirs default do). */
export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What the probe needs to know of the run. */
export interface ProbeConfig {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** The final response as received; the profile's `http` section is a view of it. */
export interface ProbedResponse {
  url: string;
  finalUrl: string;
  status: number;
  redirects: string[];
  headers: Record<string, string>;
  tls: TlsInfo | null;
  /** The address the final response came from. */
  remoteAddress: string | null;
  /** The body was cut at the configured maximum (raw or decompressed). */
  truncated?: boolean;
  /** Where the site redirects to another registrable domain (not followed). */
  offsiteRedirect?: string;
}

/** The page the probe fetched. */
export interface ProbedPage {
  response: ProbedResponse;
  /** Decoded body of the final response, capped by the configured maximum. */
  body: string;
  /** Set-Cookie names and values of the final response. */
  cookies: Record<string, string>;
  /** Every response's headers along the redirect chain (lower-cased names). */
  chainHeaders: Record<string, string>[];
}

/** The probe's findings (null when no response came back) and the problems it met. */
export interface ProbeResult {
  page: ProbedPage | null;
  errors: ErrorEntry[];
}

export interface ProbeRequest {
  url: string;
  /** Try http:// when the https:// URL cannot connect (the default URL, not a user's https URL). */
  fallbackToHttp: boolean;
  signal: AbortSignal;
}

function entry(err: unknown, context: string): ErrorEntry {
  return toErrorEntry(errorCode(err) === "TLS_ERROR" ? "tls" : "http", err, context);
}

function originOf(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.protocol}//${url.hostname.replace(/^\[|\]$/g, "")}:${port}`;
}

function nextLocation(res: FetchedResponse): URL | null {
  const location = res.headers.location;
  if (!REDIRECT_STATUSES.has(res.status) || !location) return null;
  try {
    const next = new URL(location.trim(), res.url);
    return next.protocol === "http:" || next.protocol === "https:" ? next : null;
  } catch {
    return null;
  }
}

/**
 * The site a host belongs to: its registrable domain, counting private suffixes too, so that
 * two users of a dynamic-DNS or hosting suffix (evil.duckdns.org, victim.duckdns.org) are two
 * sites. The host itself for addresses and bare names.
 */
function siteOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

// Follows redirects by hand (RFC 9110 §15.4) from `start`, within the start's registrable domain:
// another site's servers, headers and certificate say nothing about this one (and a Location
// header would let a site borrow any other site's CDN and CA). Throws only when the first
// request fails.
async function followChain(
  client: HttpClient,
  options: ProbeConfig,
  start: URL,
  signal: AbortSignal,
) {
  const chain: FetchedResponse[] = [];
  const errors: ErrorEntry[] = [];
  const seen = new Set<string>();
  let offsite: string | null = null;
  const fetchOpts = {
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    signal,
    readBody: (status: number, headers: Record<string, string>) =>
      !(REDIRECT_STATUSES.has(status) && headers.location),
  };
  let url = start;
  for (;;) {
    seen.add(url.href);
    let res: FetchedResponse;
    try {
      res = await fetchOnce(client, url, fetchOpts);
    } catch (err) {
      if (chain.length === 0) throw err;
      errors.push(entry(err, url.href));
      break;
    }
    chain.push(res);
    const next = nextLocation(res);
    if (!next) break;
    if (siteOf(next.hostname) !== siteOf(start.hostname)) {
      offsite = next.href;
      break;
    }
    if (seen.has(next.href)) {
      errors.push({
        source: "http",
        code: "REDIRECT_LOOP",
        message: `${url.href} redirects back to ${next.href}`,
      });
      break;
    }
    if (chain.length > MAX_REDIRECTS) {
      const message = `more than ${MAX_REDIRECTS} redirects from ${start.href}`;
      errors.push({ source: "http", code: "TOO_MANY_REDIRECTS", message });
      break;
    }
    url = next;
  }
  return { chain, errors, offsite };
}

// The certificate of the last HTTPS hop: the one the site finally serves, or the one before a downgrade.
function lastTls(client: HttpClient, chain: FetchedResponse[]): TlsInfo | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const url = (chain[i] as FetchedResponse).url;
    if (url.protocol === "https:") return client.connection(originOf(url))?.tls ?? null;
  }
  return null;
}

function toPage(
  client: HttpClient,
  start: URL,
  { chain, offsite }: { chain: FetchedResponse[]; offsite: string | null },
  errors: ErrorEntry[],
): ProbedPage {
  const last = chain[chain.length - 1] as FetchedResponse;
  for (const err of last.bodyErrors) errors.push(entry(err, `${last.url.href} body`));
  if (last.status >= 400) {
    errors.push({
      source: "http",
      code: "HTTP_STATUS",
      message: `${last.url.href} answered ${last.status}`,
    });
  }
  const tls = lastTls(client, chain);
  if (tls && !tls.trusted) {
    errors.push({
      source: "tls",
      code: "TLS_ERROR",
      message: `${last.url.hostname}: certificate not trusted (${tls.error})`,
    });
  }
  return {
    response: {
      url: start.href,
      finalUrl: last.url.href,
      status: last.status,
      redirects: chain.slice(0, -1).map((r) => r.url.href),
      headers: last.headers,
      tls,
      remoteAddress: client.connection(originOf(last.url))?.remoteAddress ?? null,
      ...(last.truncated ? { truncated: true } : {}),
      ...(offsite ? { offsiteRedirect: offsite } : {}),
    },
    body: last.body,
    cookies: parseSetCookies(last.setCookies),
    chainHeaders: chain.map((r) => r.headers),
  };
}

/**
 * GETs the site: the URL, redirects followed by hand, HTTPS falling back to HTTP when it
 * cannot connect. Never throws for network trouble: failures become `errors` entries.
 */
export async function probeSite(
  client: HttpClient,
  options: ProbeConfig,
  req: ProbeRequest,
): Promise<ProbeResult> {
  const start = new URL(req.url);
  try {
    const followed = await followChain(client, options, start, req.signal);
    const { errors } = followed;
    return { page: toPage(client, start, followed, errors), errors };
  } catch (err) {
    const first = entry(err, start.href);
    const failure = findConnectFailure(err);
    const retry =
      req.fallbackToHttp &&
      start.protocol === "https:" &&
      failure !== null &&
      !["PRIVATE_ADDRESS", "NO_ADDRESS", "NXDOMAIN", "ABORTED"].includes(failure.code);
    if (!retry) return { page: null, errors: [first] };
    const plain = new URL(start.href);
    plain.protocol = "http:";
    if (plain.port === "443") plain.port = "";
    try {
      const followed = await followChain(client, options, plain, req.signal);
      const all = [first, ...followed.errors];
      return { page: toPage(client, plain, followed, all), errors: all };
    } catch (err2) {
      return { page: null, errors: [first, entry(err2, plain.href)] };
    }
  }
}
