// Port-43 WHOIS (RFC 3912): one query per connection, the answer is everything the server
// sends before closing. Bounded by a timeout, a size cap and the per-server limiter.
import { connect, type LookupFunction } from "node:net";
import { errorCode, errorMessage, HostscanError } from "../errors.js";
import type { ServerLimiter } from "../rdap/server-limiter.js";

/** A WHOIS server as "host[:port]" or "[v6]:port", split. */
export function parseServer(spec: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(spec) ?? /^([^:]+)(?::(\d+))?$/.exec(spec);
  const port = m?.[2] ? Number(m[2]) : 43;
  if (!m?.[1] || port < 1 || port > 65535)
    throw new HostscanError("BAD_RESPONSE", `not a WHOIS server name: ${spec}`);
  return { host: m[1].toLowerCase(), port };
}

/** Bytes to text: UTF-8 when valid, else ISO-8859-1 (latin-1 servers exist). */
export function decodeWhois(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

/** The answer to one WHOIS query, or an error with a stable code. */
export type WhoisQueryResult =
  | {
      kind: "ok";
      server: string;
      text: string;
      /** The answer went on past `maxBytes`; `text` is its start. */
      truncated: boolean;
      durationMs: number;
    }
  | { kind: "error"; server: string; error: HostscanError; durationMs: number };

export interface WhoisQueryOptions {
  timeoutMs: number;
  maxBytes: number;
  limiter: ServerLimiter;
  now(): number;
  /** Name lookup for the server; the OS resolver when absent. */
  lookup?: LookupFunction;
  /** An address already vetted for the server's host: connect there, resolving nothing. */
  connectAddress?: string;
  signal?: AbortSignal;
}

// The answer, bounded three ways: an idle timeout (no byte for timeoutMs), an overall deadline
// (the whole answer within timeoutMs, so a server trickling bytes cannot hold a query) and a size cap.
function ask(
  host: string,
  port: number,
  query: string,
  o: WhoisQueryOptions,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host, port, ...(o.lookup ? { lookup: o.lookup } : {}) });
    const settle = (err: unknown, bytes?: Buffer, truncated = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      o.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve({ bytes: bytes ?? Buffer.alloc(0), truncated });
    };
    const fail = (err: unknown) => settle(err);
    const onAbort = () => fail(o.signal?.reason ?? new HostscanError("ABORTED", "aborted"));
    o.signal?.addEventListener("abort", onAbort, { once: true });
    const deadline = setTimeout(
      () => fail(new HostscanError("TIMEOUT", `${host}: answer not complete in ${o.timeoutMs} ms`)),
      o.timeoutMs,
    );
    if (o.signal?.aborted) onAbort();
    socket.setTimeout(o.timeoutMs, () =>
      fail(new HostscanError("TIMEOUT", `${host}: no answer in ${o.timeoutMs} ms`)),
    );
    // Written, not ended: a server that drops half-open sockets would close before answering.
    socket.on("connect", () => socket.write(`${query}\r\n`));
    socket.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > o.maxBytes) {
        // Keep what fits: a WHOIS answer this long is all legal text after the record.
        chunks.push(chunk.subarray(0, chunk.length - (size - o.maxBytes)));
        settle(null, Buffer.concat(chunks), true);
        return;
      }
      chunks.push(chunk);
    });
    socket.on("error", fail);
    socket.on("close", () => settle(null, Buffer.concat(chunks)));
  });
}

/** Sends one query to `server` ("host[:port]"); never throws. */
export async function whoisQuery(
  server: string,
  query: string,
  o: WhoisQueryOptions,
): Promise<WhoisQueryResult> {
  const started = o.now();
  let release: (() => void) | null = null;
  try {
    const { host, port } = parseServer(server);
    release = await o.limiter.acquire(`whois:${host}:${port}`, o.signal);
    const answer = await ask(o.connectAddress ?? host, port, query.replace(/[\r\n]/g, ""), o);
    const { bytes, truncated } = answer;
    if (bytes.length === 0) throw new HostscanError("BAD_RESPONSE", `${host}: empty answer`);
    const text = decodeWhois(bytes);
    return { kind: "ok", server, text, truncated, durationMs: o.now() - started };
  } catch (err) {
    const error =
      err instanceof HostscanError
        ? err
        : new HostscanError(errorCode(err), `${server}: ${errorMessage(err)}`, { cause: err });
    return { kind: "error", server, error, durationMs: o.now() - started };
  } finally {
    release?.();
  }
}
