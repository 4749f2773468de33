import net from "node:net";
import tls from "node:tls";
import type { buildConnector } from "undici";
import { HostscanError } from "../errors.js";
import { type ConnectTo, matchConnectTo } from "../net/connect-to.js";
import { specialAddressRange } from "../net/private-address.js";
import { type ProxyConfig, selectProxy } from "../net/proxy.js";
import type { TlsInfo } from "../records.js";
import { ConnectFailure } from "./connect-failure.js";
import { identityOf, type TlsVerdict, tlsInfoFromX509 } from "./tls-info.js";
import { httpConnectTunnel, socks5Tunnel } from "./tunnel.js";

/** What the probe learns about the connection that served an origin. */
/** What the connector needs to know of the run. */
export interface ConnectorConfig extends ProxyConfig {
  connectTo: ConnectTo[];
  /** Allow loopback/private/special-use destinations (refused by default). */
  allowPrivate: boolean;
  timeoutMs: number;
}

export interface ConnectionInfo {
  remoteAddress: string | null;
  tls: TlsInfo | null;
}

export interface ConnectorDeps {
  options: ConnectorConfig;
  /** Addresses of a host name from hostscan's own DNS client (never the OS resolver). */
  lookup(host: string, signal: AbortSignal): Promise<string[]>;
  /** Called once per new connection with what was learnt, keyed by origin. */
  record(origin: string, info: ConnectionInfo): void;
  /** Extra trust anchors (PEM) on top of Node's bundled roots; tests use their own CA. */
  ca?: string[];
}

// Runs start(); when the signal aborts first, calls the registered cleanup and rejects.
// The abort listener is removed once start() settles, so a later abort never touches the socket.
function abortable<T>(
  signal: AbortSignal,
  start: (onAbort: (fn: () => void) => void) => Promise<T>,
): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let cleanup = () => {};
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {});
  return Promise.race([start((fn) => (cleanup = fn)), aborted]).finally(() =>
    signal.removeEventListener("abort", onAbort),
  );
}

function tcpConnect(host: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  return abortable(signal, (onAbort) => {
    const socket = net.connect({ host, port, noDelay: true, autoSelectFamily: false });
    onAbort(() => socket.destroy());
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("error", reject);
    });
  });
}

// Addresses to try, after the private-address guard (an address the user named is allowed).
async function destinations(deps: ConnectorDeps, host: string, port: number, signal: AbortSignal) {
  const rule = matchConnectTo(deps.options.connectTo, host, port);
  const name = rule ? rule.host : host;
  const userNamed = rule !== null && rule.rule.connectHost !== "";
  const addresses = net.isIP(name) ? [name] : await deps.lookup(name, signal);
  if (addresses.length === 0)
    throw new HostscanError("NO_ADDRESS", `${name} has no A or AAAA record`);
  if (deps.options.allowPrivate || userNamed) return { name, port: rule?.port ?? port, addresses };
  const allowed = addresses.filter((a) => specialAddressRange(a) === null);
  if (allowed.length === 0) {
    const first = addresses[0] as string;
    throw new HostscanError(
      "PRIVATE_ADDRESS",
      `refusing to connect to ${host} (${first} is ${specialAddressRange(first)}); use --allow-private`,
    );
  }
  return { name, port: rule?.port ?? port, addresses: allowed };
}

async function openSocket(
  deps: ConnectorDeps,
  context: () => tls.SecureContext,
  protocol: string,
  host: string,
  port: number,
  signal: AbortSignal,
) {
  const dest = await destinations(deps, host, port, signal);
  const proxy = selectProxy(
    new URL(`${protocol}//${net.isIPv6(host) ? `[${host}]` : host}:${port}/`),
    deps.options,
  );
  if (proxy) {
    const p = new URL(proxy);
    const proxyHost = p.hostname.replace(/^\[|\]$/g, "");
    const proxyAddrs = net.isIP(proxyHost)
      ? [proxyHost]
      : proxyHost === "localhost"
        ? ["127.0.0.1"]
        : await deps.lookup(proxyHost, signal);
    const socks = p.protocol.startsWith("socks");
    const proxyPort = Number(p.port) || (socks ? 1080 : p.protocol === "https:" ? 443 : 80);
    let socket: net.Socket = await tcpConnect(proxyAddrs[0] ?? proxyHost, proxyPort, signal);
    if (p.protocol === "https:")
      socket = await tlsHandshake(socket, proxyHost, true, context(), signal);
    const auth = p.username
      ? { username: decodeURIComponent(p.username), password: decodeURIComponent(p.password) }
      : null;
    const tunnel = socks ? socks5Tunnel : httpConnectTunnel;
    const open = socket;
    // Ask the proxy for the address we vetted, never the name: a proxy resolving the name again
    // could be steered (DNS rebinding, split horizon) to a private address. Host header, SNI and
    // the certificate check still use the host name.
    const address = dest.addresses[0] ?? dest.name;
    try {
      const tunnelled = await abortable(signal, () => tunnel(open, address, dest.port, auth));
      return { socket: tunnelled, remoteAddress: null };
    } catch (err) {
      open.destroy();
      throw err;
    }
  }
  let lastError: unknown = null;
  for (const address of dest.addresses.slice(0, 4)) {
    try {
      return { socket: await tcpConnect(address, dest.port, signal), remoteAddress: address };
    } catch (err) {
      if (signal.aborted) throw err;
      lastError = err;
    }
  }
  throw lastError;
}

// One secure context per connector, built on first use: tls.connect without one builds a new
// context (and, given `ca`, parses the whole root store again) for every connection.
function secureContextOnce(ca: string[] | undefined): () => tls.SecureContext {
  let context: tls.SecureContext | null = null;
  return () => {
    context ??= tls.createSecureContext(ca ? { ca: [...tls.rootCertificates, ...ca] } : {});
    return context;
  };
}

function tlsHandshake(
  socket: net.Socket,
  servername: string,
  verify: boolean,
  secureContext: tls.SecureContext,
  signal: AbortSignal,
) {
  return abortable(signal, (onAbort) => {
    const secure = tls.connect({
      socket,
      // `host` is the name the certificate is checked against; without it Node checks an
      // IP-addressed peer (an https:// proxy at 127.0.0.1) against "localhost".
      host: servername,
      servername: net.isIP(servername) ? undefined : servername,
      rejectUnauthorized: verify,
      secureContext,
      ALPNProtocols: ["http/1.1"],
    });
    onAbort(() => secure.destroy());
    return new Promise<tls.TLSSocket>((resolve, reject) => {
      secure.once("secureConnect", () => resolve(secure));
      secure.once("error", reject);
    });
  });
}

// The chain verdict, and the host-name check only when the chain verified: an unverified chain
// is the record's error whatever the name says (checkServerIdentity builds an Error with a stack).
function verdictOf(
  socket: tls.TLSSocket,
  host: string,
  cert: () => tls.PeerCertificate,
): TlsVerdict {
  const authErr = socket.authorizationError as unknown;
  const chainError = socket.authorized
    ? null
    : typeof authErr === "string"
      ? authErr
      : ((authErr as { code?: string; message?: string } | null)?.code ?? "UNABLE_TO_VERIFY");
  if (chainError !== null) return { chainError, nameError: null };
  const nameErr = tls.checkServerIdentity(host, cert()) as (Error & { code?: string }) | undefined;
  return {
    chainError,
    nameError: nameErr ? (nameErr.code ?? "ERR_TLS_CERT_ALTNAME_INVALID") : null,
  };
}

/**
 * An undici connector that resolves with our DNS client, applies --connect-to, the proxy and the
 * private-address guard, and for HTTPS accepts any certificate but records it with its verdict.
 */
export function createConnector(deps: ConnectorDeps): buildConnector.connector {
  const context = secureContextOnce(deps.ca);
  return (opts, callback) => {
    const https = opts.protocol === "https:";
    const host = opts.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const port = Number(opts.port) || (https ? 443 : 80);
    const origin = `${opts.protocol}//${host}:${port}`;
    const timeoutMs = deps.options.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    const run = async () => {
      const { socket, remoteAddress } = await openSocket(
        deps,
        context,
        opts.protocol,
        host,
        port,
        signal,
      );
      if (!https) {
        deps.record(origin, { remoteAddress, tls: null });
        return socket;
      }
      try {
        const secure = await tlsHandshake(socket, host, false, context(), signal);
        // Read once: on Node 20 this takes the certificates out of the connection (a second call,
        // or getPeerCertificate after it, finds none).
        const cert = secure.getPeerX509Certificate();
        const tlsInfo = cert
          ? tlsInfoFromX509(
              cert,
              verdictOf(secure, host, () => identityOf(cert)),
            )
          : null;
        deps.record(origin, { remoteAddress, tls: tlsInfo });
        return secure;
      } catch (err) {
        socket.destroy();
        throw err;
      }
    };
    run().then(
      (socket) => callback(null, socket),
      (err: unknown) => {
        const reason =
          signal.aborted && !(err instanceof HostscanError)
            ? new HostscanError("TIMEOUT", `no connection in ${timeoutMs} ms`, { cause: err })
            : err;
        callback(ConnectFailure.from(reason, `connect to ${host}:${port}`), null);
      },
    );
  };
}
