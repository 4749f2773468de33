import type { ErrorEntry, ErrorSource } from "./records.js";

/** Stable UPPER_SNAKE codes of `errors[].code`; scripts switch on these, never on messages. */
export type ErrorCode =
  | "TIMEOUT"
  | "NXDOMAIN"
  | "SERVFAIL"
  | "REFUSED"
  | "CONNECTION_REFUSED"
  | "CONNECTION_RESET"
  | "HOST_UNREACHABLE"
  | "TLS_ERROR"
  | "HTTP_STATUS"
  | "RATE_LIMITED"
  | "BAD_RESPONSE"
  | "TOO_LARGE"
  | "REDIRECT_LOOP"
  | "TOO_MANY_REDIRECTS"
  | "CNAME_LOOP"
  | "PRIVATE_ADDRESS"
  | "NO_RDAP_SERVER"
  | "NO_WHOIS_SERVER"
  | "BOOTSTRAP_UNAVAILABLE"
  | "NO_ADDRESS"
  | "NOT_FOUND"
  | "PROXY_ERROR"
  | "ABORTED"
  | "INVALID_TARGET"
  | "TRUNCATED"
  | "INTERNAL";

/** A set of codes, spelt as ErrorCode (the compiler checks each name), looked up by any string. */
function codes(...list: ErrorCode[]): ReadonlySet<string> {
  return new Set(list);
}

/**
 * Named groups of codes that decide what hostscan does with an error; every rule about
 * "which codes" lives here.
 */
export const ErrorGroups = {
  /** A DNS server could not give an answer (as opposed to NXDOMAIN or NODATA, which are answers). */
  dnsFailure: codes("TIMEOUT", "SERVFAIL", "REFUSED", "BAD_RESPONSE"),
  /** Bad luck another try may not meet: an outcome carrying one is not remembered for the run. */
  transient: codes(
    "TIMEOUT",
    "ABORTED",
    "RATE_LIMITED",
    "CONNECTION_REFUSED",
    "CONNECTION_RESET",
    "HOST_UNREACHABLE",
    "SERVFAIL",
    "REFUSED",
    "INTERNAL",
  ),
  /** Answers that something does not exist: not failures to ask. */
  doesNotExist: codes("NXDOMAIN", "NOT_FOUND"),
  /** Registry answers that asking again would only repeat. */
  stableAnswer: codes("NOT_FOUND", "NO_RDAP_SERVER"),
  /** Warnings: the data is there, but not all of it (entries get `severity: "warning"`). */
  warning: codes("TRUNCATED"),
} as const;

/** An error that knows its stable code and keeps its cause. */
export class HostscanError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HostscanError";
    this.code = code;
  }
}

// Node and undici codes onto ours, in one place (style.md §5).
const CODE_MAP: Record<string, ErrorCode> = {
  ETIMEDOUT: "TIMEOUT",
  ESOCKETTIMEDOUT: "TIMEOUT",
  UND_ERR_CONNECT_TIMEOUT: "TIMEOUT",
  UND_ERR_HEADERS_TIMEOUT: "TIMEOUT",
  UND_ERR_BODY_TIMEOUT: "TIMEOUT",
  ABORT_ERR: "ABORTED",
  ECONNREFUSED: "CONNECTION_REFUSED",
  ECONNRESET: "CONNECTION_RESET",
  EPIPE: "CONNECTION_RESET",
  UND_ERR_SOCKET: "CONNECTION_RESET",
  UND_ERR_CLOSED: "CONNECTION_RESET",
  EHOSTUNREACH: "HOST_UNREACHABLE",
  ENETUNREACH: "HOST_UNREACHABLE",
  EADDRNOTAVAIL: "HOST_UNREACHABLE",
  ENOTFOUND: "NXDOMAIN",
  UND_ERR_RES_EXCEEDED_MAX_SIZE: "TOO_LARGE",
  UND_ERR_RESPONSE_STATUS_CODE: "HTTP_STATUS",
  UND_ERR_PRX_TLS: "PROXY_ERROR",
  UND_ERR_INVALID_ARG: "INTERNAL",
  HPE_INVALID_CONSTANT: "BAD_RESPONSE",
  HPE_INVALID_HEADER_TOKEN: "BAD_RESPONSE",
  HPE_HEADER_OVERFLOW: "TOO_LARGE",
  UND_ERR_HEADERS_OVERFLOW: "TOO_LARGE",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS_ERROR",
  CERT_HAS_EXPIRED: "TLS_ERROR",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS_ERROR",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS_ERROR",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS_ERROR",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS_ERROR",
  ERR_SSL_WRONG_VERSION_NUMBER: "TLS_ERROR",
  EPROTO: "TLS_ERROR",
  Z_DATA_ERROR: "BAD_RESPONSE",
  Z_BUF_ERROR: "BAD_RESPONSE",
  ERR_INVALID_URL: "BAD_RESPONSE",
};

/** The stable code for any thrown value: ours, Node's, undici's, or INTERNAL. */
export function errorCode(err: unknown): ErrorCode {
  if (err instanceof HostscanError) return err.code;
  const seen = new Set<unknown>();
  let cur: unknown = err;
  // Walk the cause chain: undici wraps socket errors, AbortSignal.timeout() throws TimeoutError.
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    if (cur instanceof HostscanError) return cur.code;
    const e = cur as { code?: unknown; name?: unknown; cause?: unknown };
    if (e.name === "TimeoutError") return "TIMEOUT";
    if (typeof e.code === "string") {
      if (CODE_MAP[e.code]) return CODE_MAP[e.code] as ErrorCode;
      if (e.code.startsWith("ERR_SSL_") || e.code.startsWith("ERR_TLS_")) return "TLS_ERROR";
      if (e.code.startsWith("HPE_")) return "BAD_RESPONSE";
    }
    // undici's HTTPParserError often carries no code at all: a malformed response either way.
    if (e.name === "HTTPParserError") return "BAD_RESPONSE";
    if (e.name === "AbortError") return "ABORTED";
    cur = e.cause;
  }
  return "INTERNAL";
}

/** A message for an `errors[]` entry: the error's own text, one line, bounded. */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : safeString(err);
  return text.slice(0, 1200).replace(/\s+/g, " ").slice(0, 300);
}

// String() throws for an object without a callable toString ({toString: 0}); a thrown value can be anything.
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The entries with exact repeats removed, first occurrence kept (order preserved). */
export function uniqueErrors(errors: ErrorEntry[]): ErrorEntry[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.source}|${e.code}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An `errors[]` entry from a thrown value. */
export function toErrorEntry(source: ErrorSource, err: unknown, context?: string): ErrorEntry {
  const message = errorMessage(err);
  const code = errorCode(err);
  const entry: ErrorEntry = { source, code, message: context ? `${context}: ${message}` : message };
  if (ErrorGroups.warning.has(code)) entry.severity = "warning";
  return entry;
}
