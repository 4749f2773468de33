import type { HostscanError } from "../errors.js";

/** One HTTP request made for an RDAP or bootstrap lookup, kept for diagnostics. */
export interface RdapAttempt {
  url: string;
  /** HTTP status, or null when no response came back. */
  status: number | null;
  durationMs: number;
  /** Stable code and message when the attempt failed, else null. */
  error: string | null;
}

/**
 * The outcome of fetching one RDAP document (RFC 7480): a JSON body, "no such object" (404),
 * or an error with a stable code. Every attempt (redirect hops, retries) is listed.
 */
export type RdapFetchResult =
  | {
      kind: "ok";
      url: string;
      status: number;
      body: unknown;
      /** What was cut before decoding (containers nested too deep), by path. */
      notes: string[];
      attempts: RdapAttempt[];
    }
  | { kind: "not-found"; url: string; attempts: RdapAttempt[] }
  | { kind: "error"; url: string; error: HostscanError; attempts: RdapAttempt[] };

/** Tunables of the RDAP HTTP client; tests shrink the waits. */
export interface RdapHttpOptions {
  /** Per request (one attempt), in milliseconds. */
  timeoutMs: number;
  /** Most bytes read from one body. */
  maxBodyBytes: number;
  /** Most redirects followed for one lookup. */
  maxRedirects: number;
  /** Most requests in flight to one server at a time, shared by the run. */
  maxInFlightPerServer: number;
  /** Retries after a 429/503 before giving up. */
  maxRetries: number;
  /** First backoff step when a 429/503 has no Retry-After (doubled each retry, with jitter). */
  retryBaseMs: number;
  /** Longest wait honoured; a longer Retry-After gives up at once with RATE_LIMITED. */
  maxRetryWaitMs: number;
  userAgent: string;
}

/** Defaults: 4 MiB bodies, 5 redirects, 4 requests per server, waits of at most 60 s. */
export const DEFAULT_RDAP_HTTP: Omit<RdapHttpOptions, "timeoutMs" | "userAgent"> = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxRedirects: 5,
  maxInFlightPerServer: 4,
  maxRetries: 2,
  retryBaseMs: 1000,
  maxRetryWaitMs: 60_000,
};
