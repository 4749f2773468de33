import { HostscanError } from "../errors.js";
import { bodyText, decodeBody, readRaw } from "./body.js";
import type { HttpClient } from "./probe-client.js";
import { userAgentFor } from "./user-agent.js";

/** One response: status, lower-cased headers (repeats joined with ", "), cookies, maybe a body. */
export interface FetchedResponse {
  url: URL;
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
  /** Problems met while reading the body (TIMEOUT, TRUNCATED, TOO_LARGE, BAD_RESPONSE); the rest is kept. */
  bodyErrors: unknown[];
  /** The body was cut at the cap (raw or decompressed). */
  truncated: boolean;
}

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Whether to read the body (the final page) or drain a little and drop it (a redirect). */
  readBody(status: number, headers: Record<string, string>): boolean;
  signal: AbortSignal;
}

function flatten(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  // No prototype: a header named "__proto__" is a header like any other.
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

// undici hands a finished keep-alive socket back to its pool a tick after the body ends; yielding
// here lets the next request (a redirect hop, the next target) reuse it instead of opening another.
const releaseTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One GET through the shared client, with header and body timeouts and the body cap. */
export async function fetchOnce(
  client: HttpClient,
  url: URL,
  opts: FetchOptions,
): Promise<FetchedResponse> {
  const res = await client.dispatcher.request({
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: "GET",
    headers: {
      "user-agent": userAgentFor(opts.userAgent),
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-encoding": "gzip, deflate, br",
      "accept-language": "en",
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    signal: opts.signal,
  });
  const raw = res.headers as Record<string, string | string[] | undefined>;
  const headers = flatten(raw);
  const cookie = raw["set-cookie"];
  const setCookies = cookie === undefined ? [] : Array.isArray(cookie) ? cookie : [cookie];
  const result: FetchedResponse = {
    url,
    status: res.statusCode,
    headers,
    setCookies,
    body: "",
    bodyErrors: [],
    truncated: false,
  };
  if (!opts.readBody(res.statusCode, headers)) {
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined); // a redirect's body is not evidence
    await releaseTick();
    return result;
  }
  const read = await readRaw(res.body, opts.maxBodyBytes, opts.timeoutMs);
  if (read.error) result.bodyErrors.push(read.error);
  if (read.truncated) {
    const message = `body longer than ${opts.maxBodyBytes} bytes (--max-body); kept the first ${opts.maxBodyBytes}`;
    result.bodyErrors.push(new HostscanError("TRUNCATED", message));
  }
  const decoded = await decodeBody(read.bytes, headers["content-encoding"], opts.maxBodyBytes);
  if (decoded.error) result.bodyErrors.push(decoded.error);
  if (decoded.inflatedPastCap) {
    const encoding = headers["content-encoding"];
    const message = `${encoding} body inflates past ${opts.maxBodyBytes} bytes; kept the first ${opts.maxBodyBytes}`;
    result.bodyErrors.push(new HostscanError("TOO_LARGE", message));
  }
  result.body = bodyText(decoded.bytes, headers["content-type"]);
  result.truncated = read.truncated || decoded.inflatedPastCap;
  await releaseTick();
  return result;
}
