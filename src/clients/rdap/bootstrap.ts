import { createHash } from "node:crypto";
import type { DiskCache } from "../cache/disk-cache.js";
import type { LogSink } from "../log.js";
import type { ErrorEntry } from "../records.js";
import {
  type BootstrapFile,
  type BootstrapKind,
  matchAsn,
  matchDomain,
  matchIp,
  parseBootstrap,
} from "./bootstrap-registry.js";
import { BUILTIN_ASN, BUILTIN_DNS, BUILTIN_IP } from "./builtin-bootstrap.js";
import type { RdapFetchResult } from "./types.js";

/** A bootstrap file as loaded, with the error to report when only the built-in table was had. */
export interface LoadedBootstrap {
  file: BootstrapFile;
  /** BOOTSTRAP_UNAVAILABLE when the built-in table stands in, else null. */
  error: ErrorEntry | null;
}

/** Base URLs for a lookup, with the bootstrap error (if any) the caller should report. */
export interface BootstrapMatch {
  urls: string[];
  error: ErrorEntry | null;
}

export interface BootstrapDeps {
  baseUrl: string;
  cache: DiskCache;
  fetch(url: string): Promise<RdapFetchResult>;
  now(): number;
  log: LogSink;
  /** How long a cached copy counts as fresh; 24 h by default. */
  maxAgeMs?: number;
}

/** The base URL with a trailing "/", so "…/rdap" and "…/rdap/" are the same base. */
function normaliseBase(baseUrl: string): string {
  return baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
}

/**
 * The cache key of one bootstrap file, keyed by the base URL it came from (a short hash), so a
 * copy fetched from one `--rdap-bootstrap` base is never served for another.
 */
export function bootstrapCacheKey(baseUrl: string, kind: BootstrapKind): string {
  const hash = createHash("sha256").update(normaliseBase(baseUrl)).digest("hex").slice(0, 12);
  return `rdap-bootstrap-${hash}-${kind}.json`;
}

const BUILTIN: Record<BootstrapKind, BootstrapFile> = {
  dns: BUILTIN_DNS,
  ipv4: BUILTIN_IP,
  ipv6: BUILTIN_IP,
  asn: BUILTIN_ASN,
};

function tryParse(text: string): BootstrapFile | null {
  try {
    return parseBootstrap(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * IANA's RDAP bootstrap (RFC 9224), loaded once per run and per file: a fresh cached copy
 * (< 24 h), else the network, else a stale cached copy (with a warning), else the built-in
 * table (with a BOOTSTRAP_UNAVAILABLE error).
 */
export class Bootstrap {
  private readonly loads = new Map<BootstrapKind, Promise<LoadedBootstrap>>();
  private readonly hosts = new Set<string>();

  constructor(private readonly deps: BootstrapDeps) {}

  /** The loaded file of one kind; concurrent callers share one load. */
  load(kind: BootstrapKind): Promise<LoadedBootstrap> {
    let p = this.loads.get(kind);
    if (!p) {
      p = this.loadOnce(kind).then((loaded) => {
        for (const e of loaded.file.entries) {
          for (const u of e.urls) {
            const host = URL.canParse(u) ? new URL(u).hostname.replace(/^\[|\]$/g, "") : "";
            if (host) this.hosts.add(host);
          }
        }
        return loaded;
      });
      this.loads.set(kind, p);
    }
    return p;
  }

  /** True when a loaded bootstrap file lists a server on this host (lower-case, no brackets). */
  listsHost(host: string): boolean {
    return this.hosts.has(host);
  }

  private async loadOnce(kind: BootstrapKind): Promise<LoadedBootstrap> {
    const { deps } = this;
    const key = bootstrapCacheKey(deps.baseUrl, kind);
    const cached = await deps.cache.read(key);
    const cachedFile = cached ? tryParse(cached.body) : null;
    if (cached && cachedFile && deps.now() - cached.storedAt < (deps.maxAgeMs ?? 86_400_000)) {
      return { file: cachedFile, error: null };
    }
    const url = new URL(`${kind}.json`, normaliseBase(deps.baseUrl));
    const res = await deps.fetch(url.toString());
    const fetched = res.kind === "ok" ? parseBootstrap(res.body) : null;
    if (res.kind === "ok" && fetched) {
      const stored = await deps.cache.write(key, JSON.stringify(res.body));
      if (!stored.ok && stored.message !== "cache disabled") {
        deps.log("info", `rdap bootstrap ${kind}: could not write cache: ${stored.message}`);
      }
      return { file: fetched, error: null };
    }
    const why =
      res.kind === "error"
        ? `${res.error.code}: ${res.error.message}`
        : res.kind === "not-found"
          ? "HTTP 404"
          : "no usable services in the file";
    if (cachedFile) {
      deps.log(
        "warn",
        `rdap bootstrap ${kind}.json not refreshed (${why}); using the stale cached copy`,
      );
      return { file: cachedFile, error: null };
    }
    deps.log("warn", `rdap bootstrap ${kind}.json unavailable (${why}); using the built-in table`);
    const message = `${url}: ${why}; using hostscan's built-in table`;
    return {
      file: BUILTIN[kind],
      error: { source: "rdap", code: "BOOTSTRAP_UNAVAILABLE", message },
    };
  }

  /** RDAP base URLs for a domain name. */
  async domain(name: string): Promise<BootstrapMatch> {
    const { file, error } = await this.load("dns");
    return { urls: matchDomain(file, name), error };
  }

  /** RDAP base URLs for an IPv4 or IPv6 address. */
  async ip(address: string): Promise<BootstrapMatch> {
    const { file, error } = await this.load(address.includes(":") ? "ipv6" : "ipv4");
    return { urls: matchIp(file, address), error };
  }

  /** RDAP base URLs for an AS number. */
  async asn(asn: number): Promise<BootstrapMatch> {
    const { file, error } = await this.load("asn");
    return { urls: matchAsn(file, asn), error };
  }
}
