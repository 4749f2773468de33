import { type Dispatcher, request } from "undici";
import { errorCode, errorMessage, HostscanError } from "../errors.js";
import { type LinkedSignal, linkedSignal } from "../net/linked-signal.js";
import { parseBoundedJson } from "./json-depth.js";
import type { ServerLimiter } from "./server-limiter.js";
import type { RdapAttempt, RdapFetchResult, RdapHttpOptions } from "./types.js";

/** What the HTTP client needs from outside: a dispatcher per URL, the limiter, a clock. */
export interface HttpClientDeps {
  dispatcherFor(url: URL): Dispatcher;
  limiter: ServerLimiter;
  now(): number;
  random?: () => number;
  /**
   * Checks a redirect target before it is followed (a Location is learnt from the answer, not
   * trusted): the refusal, e.g. PRIVATE_ADDRESS, or null to follow it.
   */
  vetRedirect?(url: URL, signal?: AbortSignal): Promise<HostscanError | null>;
}

const ACCEPT = "application/rdap+json, application/json;q=0.9, */*;q=0.1";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Milliseconds from a Retry-After header (delta-seconds or HTTP-date, RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function header(headers: Dispatcher.ResponseData["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readCapped(body: Dispatcher.ResponseData["body"], max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      throw new HostscanError("TOO_LARGE", `body larger than ${max} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

// JSON only: an HTML error page or any other text is BAD_RESPONSE, never a crash.
function decodeJson(
  bytes: Buffer,
  contentType: string,
  status: number,
): { body: unknown; notes: string[] } {
  if (/html/i.test(contentType.slice(0, 200))) {
    throw new HostscanError("BAD_RESPONSE", `HTML page instead of JSON (HTTP ${status})`);
  }
  const parsed = parseBoundedJson(bytes.toString("utf8"));
  if (!parsed) throw new HostscanError("BAD_RESPONSE", `malformed JSON (HTTP ${status})`);
  return parsed;
}

/**
 * GETs a JSON document politely (RFC 7480): per-server in-flight cap, redirects with loop
 * detection, 429/503 waits bounded by `maxRetryWaitMs`, a per-attempt timeout and a body cap.
 * 404 is "no such object". Never throws; every attempt is recorded.
 */
export async function fetchJson(
  startUrl: string,
  opts: RdapHttpOptions,
  deps: HttpClientDeps,
  signal?: AbortSignal,
): Promise<RdapFetchResult> {
  const attempts: RdapAttempt[] = [];
  const visited = new Set<string>();
  const random = deps.random ?? Math.random;
  let url = startUrl;
  let retries = 0;
  for (;;) {
    let parsed: URL;
    try {
      parsed = new URL(url);
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("scheme");
    } catch {
      const error = new HostscanError("BAD_RESPONSE", `not an http(s) URL: ${url.slice(0, 200)}`);
      return { kind: "error", url, error, attempts };
    }
    const started = deps.now();
    const attempt: RdapAttempt = { url, status: null, durationMs: 0, error: null };
    attempts.push(attempt);
    let release: (() => void) | null = null;
    let linked: LinkedSignal | null = null;
    try {
      release = await deps.limiter.acquire(parsed.origin, signal);
      linked = linkedSignal(signal, opts.timeoutMs);
      const res = await request(parsed, {
        method: "GET",
        dispatcher: deps.dispatcherFor(parsed),
        headers: { accept: ACCEPT, "user-agent": opts.userAgent },
        signal: linked.signal,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
      attempt.status = res.statusCode;
      const status = res.statusCode;
      if (REDIRECTS.has(status)) {
        await res.body.dump();
        const location = header(res.headers, "location");
        if (!location) throw new HostscanError("BAD_RESPONSE", `HTTP ${status} without Location`);
        visited.add(url);
        const next = new URL(location, parsed).toString();
        if (visited.has(next)) throw new HostscanError("REDIRECT_LOOP", `redirect loop at ${next}`);
        if (visited.size > opts.maxRedirects) {
          throw new HostscanError("TOO_MANY_REDIRECTS", `more than ${opts.maxRedirects} redirects`);
        }
        const nextUrl = new URL(next);
        if (deps.vetRedirect && /^https?:$/.test(nextUrl.protocol)) {
          const refusal = await deps.vetRedirect(nextUrl, signal);
          if (refusal) throw refusal;
        }
        url = next;
        retries = 0;
        continue;
      }
      if (status === 429 || status === 503) {
        await res.body.dump();
        const asked = parseRetryAfter(header(res.headers, "retry-after"), deps.now());
        const backoff = opts.retryBaseMs * 2 ** retries * (0.5 + random() / 2);
        const wait = asked ?? Math.min(backoff, opts.maxRetryWaitMs);
        const code = status === 429 ? "RATE_LIMITED" : "HTTP_STATUS";
        if (retries >= opts.maxRetries || wait > opts.maxRetryWaitMs) {
          const why =
            wait > opts.maxRetryWaitMs
              ? `asked to wait ${Math.round(wait)} ms`
              : `${retries} retries`;
          throw new HostscanError(code, `${parsed.host}: HTTP ${status}, gave up after ${why}`);
        }
        attempt.error = `${code}: HTTP ${status}, waiting ${Math.round(wait)} ms`;
        deps.limiter.pause(parsed.origin, wait);
        retries++;
        continue;
      }
      if (status === 404) {
        const bytes = await readCapped(res.body, opts.maxBodyBytes);
        const type = header(res.headers, "content-type") ?? "";
        // An HTML 404 is a web server's page, not an RDAP answer: the URL is wrong.
        if (/html/i.test(type)) decodeJson(bytes, type, status);
        return { kind: "not-found", url, attempts };
      }
      if (status < 200 || status > 299) {
        await res.body.dump();
        throw new HostscanError("HTTP_STATUS", `${parsed.host}: HTTP ${status}`);
      }
      const bytes = await readCapped(res.body, opts.maxBodyBytes);
      const json = decodeJson(bytes, header(res.headers, "content-type") ?? "", status);
      return { kind: "ok", url, status, body: json.body, notes: json.notes, attempts };
    } catch (err) {
      const code = errorCode(err);
      const text = code === "TIMEOUT" ? `no answer in ${opts.timeoutMs} ms` : errorMessage(err);
      const error =
        err instanceof HostscanError
          ? err
          : new HostscanError(code, `${parsed.host}: ${text}`, { cause: err });
      attempt.error = `${error.code}: ${error.message}`;
      return { kind: "error", url, error, attempts };
    } finally {
      linked?.dispose();
      release?.();
      attempt.durationMs = Math.round(deps.now() - started);
    }
  }
}
