// Parsed flags (commander's option object) and the environment → ScanOptions. Pure: cli.ts
// reads argv and env and passes them in; a malformed value is a UsageError (exit status 2).
import { homedir } from "node:os";
import { join } from "node:path";
import { parseDnsServer } from "../clients/dns/server-address.js";
import { parseConnectTo } from "../clients/net/connect-to.js";
import { BROWSER_USER_AGENT } from "../clients/probe/user-agent.js";
import {
  type ConnectTo,
  type DnsServer,
  defaultOptions,
  type ScanOptions,
} from "../scan/options.js";
import { hostPort, httpUrl, parseIntAtLeast, parseSize, proxyUrl } from "./parse-values.js";

/** A malformed flag value: the CLI prints it and exits 2. */
export class UsageError extends Error {}

/** The value, or a usage error (exit 2) saying what is wrong. */
export function need<T>(value: T | null, message: string): T {
  if (value === null) throw new UsageError(message);
  return value;
}

// Flags to ScanOptions; env arrives as a parameter (cli.ts is the only reader of process.env).
export function scanOptions(
  o: Record<string, unknown>,
  env: Record<string, string | undefined>,
): ScanOptions {
  const resolvers: DnsServer[] = ((o.resolver as string[] | undefined) ?? []).map((r) =>
    need(parseDnsServer(r), `--resolver: not an IP address with optional port: ${r}`),
  );
  const connectTo: ConnectTo[] = ((o.connectTo as string[] | undefined) ?? []).map((r) => {
    try {
      return parseConnectTo(r);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const xdg = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  const ua = o.userAgent as string | undefined;
  return defaultOptions({
    timeoutMs: need(parseIntAtLeast(o.timeout as string, 1), "--timeout: a whole number of ms"),
    concurrency: need(
      parseIntAtLeast(o.concurrency as string, 1),
      "--concurrency: a whole number ≥ 1",
    ),
    resolvers,
    doh:
      o.doh === undefined
        ? null
        : need(httpUrl(o.doh as string), `--doh: not an http(s) URL: ${o.doh}`),
    rdapBootstrap: need(
      httpUrl(o.rdapBootstrap as string),
      `--rdap-bootstrap: not an http(s) URL: ${o.rdapBootstrap}`,
    ),
    connectTo,
    proxy:
      o.proxy === undefined
        ? null
        : need(
            proxyUrl(o.proxy as string),
            `--proxy: not an http, https or socks5 URL: ${o.proxy}`,
          ),
    proxyEnv: {
      httpsProxy: env.HTTPS_PROXY || env.https_proxy || null,
      httpProxy: env.HTTP_PROXY || env.http_proxy || null,
      noProxy: env.NO_PROXY || env.no_proxy || null,
    },
    passive: Boolean(o.passive),
    allowPrivate: Boolean(o.allowPrivate),
    cacheDir:
      o.cache === false ? null : ((o.cacheDir as string | undefined) ?? join(xdg, "hostscan")),
    whoisServer: need(
      hostPort(o.whoisServer as string),
      `--whois-server: expected HOST[:PORT]: ${o.whoisServer}`,
    ),
    ...(ua ? { userAgent: ua === "browser" ? BROWSER_USER_AGENT : ua } : {}),
    maxPerServer: need(
      parseIntAtLeast(o.perServer as string, 1),
      "--per-server: a whole number ≥ 1",
    ),
    maxBodyBytes: need(
      parseSize(o.maxBody as string),
      `--max-body: a size in bytes, or with k, M or G (512k, 1M): ${o.maxBody}`,
    ),
  });
}
