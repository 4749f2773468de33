import { type Dispatcher, ProxyAgent, Socks5ProxyAgent } from "undici";
import { HostscanError } from "../errors.js";

/** Where proxy settings come from: --proxy, else the environment as the CLI read it. */
export interface ProxyConfig {
  /** Explicit proxy URL; null means the environment's. */
  proxy: string | null;
  proxyEnv: { httpsProxy: string | null; httpProxy: string | null; noProxy: string | null };
}

/** True when NO_PROXY (comma/space separated hosts, ".suffix", "*", host:port) covers the URL. */
export function bypassesProxy(url: URL, noProxy: string | null): boolean {
  if (!noProxy) return false;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    const [name, entryPort] = entry.startsWith("[")
      ? [entry.slice(1, entry.indexOf("]")), entry.split("]:")[1]]
      : entry.split(":");
    if (entryPort && entryPort !== port) continue;
    const bare = (name ?? "").replace(/^\*?\./, "");
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/**
 * The proxy URL for a request, or null for a direct connection: --proxy wins, else
 * HTTPS_PROXY / HTTP_PROXY by scheme (as curl does); NO_PROXY applies to both.
 */
export function selectProxy(url: URL, options: ProxyConfig): string | null {
  const { httpsProxy, httpProxy, noProxy } = options.proxyEnv;
  if (bypassesProxy(url, noProxy)) return null;
  if (options.proxy) return options.proxy;
  return url.protocol === "https:" ? (httpsProxy ?? httpProxy) : httpProxy;
}

/** An undici dispatcher that tunnels through an http://, https:// or socks5:// proxy. */
export function createProxyDispatcher(
  proxyUrl: string,
  options: { connectTimeoutMs: number; requestTls?: Record<string, unknown> },
): Dispatcher {
  let parsed: URL;
  try {
    parsed = new URL(proxyUrl);
  } catch (err) {
    throw new HostscanError("PROXY_ERROR", `invalid proxy URL ${proxyUrl}`, { cause: err });
  }
  if (parsed.protocol === "socks5:" || parsed.protocol === "socks:") {
    return new Socks5ProxyAgent(parsed, {
      connect: undefined,
      requestTls: options.requestTls,
    } as Socks5ProxyAgent.Options);
  }
  if (parsed.protocol === "http:" || parsed.protocol === "https:") {
    return new ProxyAgent({
      uri: parsed.toString(),
      connectTimeout: options.connectTimeoutMs,
      requestTls: options.requestTls,
    });
  }
  throw new HostscanError("PROXY_ERROR", `unsupported proxy scheme ${parsed.protocol}`);
}
