import { setMaxListeners } from "node:events";
// hostscan's DNS client: UDP with TCP fallback on TC, or DoH; tries that rotate across the
// servers; one TTL cache and in-flight de-duplication per resolver. Never throws for network or
// protocol trouble: every outcome is a DnsAnswer with a status.
import { Agent, type Dispatcher } from "undici";
import { errorMessage } from "../errors.js";
import { failedAnswer, toAnswer } from "./answer.js";
import { DnsCache } from "./cache.js";
import { dohExchange } from "./doh-transport.js";
import type { Ask, Exchange } from "./exchange.js";
import { type ResolverOptions, resolverConfig } from "./resolver-config.js";
import { SilentResolver } from "./silent-resolver.js";
import { tcpExchange } from "./tcp-transport.js";
import type { DnsAnswer, DnsServer, DnsStatus, RecordType, Resolver } from "./types.js";
import { udpExchange } from "./udp-transport.js";
import { normaliseQueryName } from "./wire-name.js";

export { FALLBACK_SERVERS, type ResolverOptions, resolverConfig } from "./resolver-config.js";

// How much a failure says: an rcode from a server beats a garbled reply beats silence.
const FAILURE_RANK: Partial<Record<DnsStatus, number>> = {
  TIMEOUT: 0,
  BAD_RESPONSE: 1,
  SERVFAIL: 2,
  REFUSED: 2,
};

/** Builds the run's DNS client. */
export function createResolver(opts: ResolverOptions): Resolver {
  const cfg = resolverConfig(opts);
  const now = opts.now ?? Date.now;
  const cache = new DnsCache(now, opts.maxCacheEntries);
  const inflight = new Map<string, Promise<DnsAnswer>>();
  const lifetime = new AbortController();
  // Every query in flight listens for close(): hundreds at once in a batch is by design.
  setMaxListeners(0, lifetime.signal);
  let ownAgent: Agent | null = null;
  let rotation = 0;
  let closed = false;
  const silence = new SilentResolver(
    opts.giveUpAfter ?? 8,
    (opts.doh ? [opts.doh] : cfg.servers.map((s) => `${s.host}:${s.port}`)).join(", "),
    opts.log,
  );

  const dispatcher = (): Dispatcher => {
    if (opts.dispatcher) return opts.dispatcher;
    if (!ownAgent) ownAgent = new Agent({ connect: { timeout: cfg.timeoutMs } });
    return ownAgent;
  };

  // One try against one server: EDNS first (dropped on FORMERR, RFC 6891 §7), TCP on TC.
  async function exchange(server: DnsServer | string, ask: Ask): Promise<Exchange> {
    if (typeof server === "string") {
      const ex = await dohExchange(server, dispatcher(), ask);
      if (ex.kind === "reply" && ex.message.rcode === 1 && ask.edns) {
        return dohExchange(server, dispatcher(), { ...ask, edns: false });
      }
      return ex;
    }
    let ex = await udpExchange(server, ask);
    if (ex.kind === "reply" && ex.message.rcode === 1 && ask.edns) {
      ex = await udpExchange(server, { ...ask, edns: false });
    }
    if (ex.kind === "truncated") ex = await tcpExchange(server, ask); // RFC 7766 §5
    return ex;
  }

  async function lookup(name: string, type: RecordType): Promise<DnsAnswer> {
    const skipped = silence.skip(name, type);
    if (skipped) return skipped;
    const { answer, replied } = await lookupNow(name, type);
    silence.record(replied, answer.message);
    opts.log?.(
      "debug",
      `dns: ${type} ${name}: ${answer.status}${answer.server ? ` from ${answer.server}` : ""} in ${Math.round(answer.durationMs)} ms`,
    );
    return answer;
  }

  // The answer, and whether any server replied at all (a silent network is not a SERVFAIL).
  async function lookupNow(
    name: string,
    type: RecordType,
  ): Promise<{ answer: DnsAnswer; replied: boolean }> {
    let replied = false;
    const started = now();
    const targets: (DnsServer | string)[] = opts.doh ? [opts.doh] : cfg.servers;
    const first = rotation++ % targets.length;
    const tries = cfg.attempts * targets.length;
    let best: DnsAnswer | null = null;
    const reasons: string[] = [];
    for (let t = 0; t < tries && !lifetime.signal.aborted; t++) {
      const target = targets[(first + t) % targets.length]!;
      const ask: Ask = {
        name,
        type,
        edns: true,
        timeoutMs: cfg.timeoutMs,
        signal: lifetime.signal,
      };
      const ex = await exchange(target, ask);
      if (ex.kind !== "failed" || ex.status !== "TIMEOUT") replied = true;
      const elapsed = now() - started;
      let answer: DnsAnswer;
      if (ex.kind === "reply") {
        answer = toAnswer(name, type, ex.message, ex.server, elapsed);
        if (answer.status !== "SERVFAIL" && answer.status !== "REFUSED") return { answer, replied };
      } else if (ex.kind === "truncated") {
        answer = failedAnswer(name, type, "BAD_RESPONSE", "truncated over DoH", ex.server, elapsed);
      } else {
        answer = failedAnswer(name, type, ex.status, ex.message, null, elapsed);
      }
      reasons.push(`${ex.server}: ${answer.message}`);
      if (!best || (FAILURE_RANK[answer.status] ?? 0) >= (FAILURE_RANK[best.status] ?? 0)) {
        best = answer;
      }
    }
    const message = [...new Set(reasons)].join("; ").slice(0, 300) || "resolver closed";
    const answer = {
      ...(best ?? failedAnswer(name, type, "TIMEOUT", message, null, 0)),
      message,
      durationMs: now() - started,
    };
    return { answer, replied };
  }

  function aborted(name: string, type: RecordType): DnsAnswer {
    return failedAnswer(name, type, "TIMEOUT", "query aborted", null, 0);
  }

  return {
    async query(rawName, type, options = {}) {
      const name = normaliseQueryName(rawName);
      if (name === null) {
        const shown = JSON.stringify(rawName.slice(0, 80));
        return failedAnswer(
          rawName,
          type,
          "BAD_RESPONSE",
          `${shown} is not a name to ask`,
          null,
          0,
        );
      }
      if (closed) return failedAnswer(name, type, "TIMEOUT", "resolver closed", null, 0);
      const key = `${type} ${name}`;
      const hit = cache.get(key);
      if (hit) return { ...hit, durationMs: 0 };
      let pending = inflight.get(key);
      if (!pending) {
        pending = lookup(name, type).then(
          (answer) => {
            cache.set(key, answer);
            return answer;
          },
          // A bug must not become a rejection that escapes: it is an answer too.
          (err: unknown) =>
            failedAnswer(
              name,
              type,
              "BAD_RESPONSE",
              `internal error: ${errorMessage(err)}`,
              null,
              0,
            ),
        );
        const shared = pending;
        inflight.set(key, shared);
        void shared.finally(() => {
          if (inflight.get(key) === shared) inflight.delete(key);
        });
      }
      // The lookup is shared: one caller's abort ends only that caller's wait.
      const signal = options.signal;
      if (!signal) return pending;
      if (signal.aborted) return aborted(name, type);
      return new Promise<DnsAnswer>((resolve) => {
        const onAbort = () => resolve(aborted(name, type));
        signal.addEventListener("abort", onAbort, { once: true });
        void pending.then((answer) => {
          signal.removeEventListener("abort", onAbort);
          resolve(answer);
        });
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      lifetime.abort();
      await Promise.allSettled([...inflight.values()]);
      cache.clear();
      await ownAgent?.close();
    },
  };
}
