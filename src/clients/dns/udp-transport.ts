// DNS over UDP (RFC 1035 §4.2.1), hardened against spoofing as RFC 5452 asks: a random ID, a
// fresh socket (so a fresh random source port) per query, and a reply accepted only from the
// server asked, with QR set, the same ID and exactly the same question. Anything else is
// ignored and the wait goes on.
import dgram from "node:dgram";
import net from "node:net";
import { sameAddress } from "../../util/same-address.js";
import { errorMessage } from "../errors.js";
import {
  type Ask,
  type Exchange,
  failed,
  matchesQuery,
  randomId,
  serverLabel,
} from "./exchange.js";
import { decodeHeader, decodeMessage, encodeQuery } from "./message.js";
import type { DnsServer } from "./types.js";

/** Asks `server` one question over UDP; resolves (never rejects) with the checked outcome. */
export function udpExchange(server: DnsServer, ask: Ask): Promise<Exchange> {
  const label = serverLabel(server.host, server.port);
  const id = randomId();
  const query = encodeQuery(id, ask.name, ask.type, ask.edns);
  const host = server.host;
  const socket = dgram.createSocket(net.isIPv6(host.replace(/%.*$/, "")) ? "udp6" : "udp4");
  return new Promise<Exchange>((resolve) => {
    // Set when a packet from the server could not be used: said on timeout instead of silence.
    let rejected: string | null = null;
    let done = false;
    const finish = (outcome: Exchange) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ask.signal.removeEventListener("abort", onAbort);
      socket.removeAllListeners("message");
      socket.on("error", () => {});
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(outcome);
    };
    const onAbort = () => finish(failed("TIMEOUT", "query aborted", label));
    const timer = setTimeout(() => {
      const why = rejected ? `no valid reply in ${ask.timeoutMs} ms (${rejected})` : null;
      finish(
        why
          ? failed("BAD_RESPONSE", why, label)
          : failed("TIMEOUT", `no answer in ${ask.timeoutMs} ms`, label),
      );
    }, ask.timeoutMs);
    if (ask.signal.aborted) return onAbort();
    ask.signal.addEventListener("abort", onAbort, { once: true });

    socket.on("error", (err) => finish(failed("TIMEOUT", errorMessage(err), label)));
    socket.on("message", (msg, rinfo) => {
      // Only the server asked, on the port asked, may answer.
      if (rinfo.port !== server.port || !sameAddress(rinfo.address, host)) return;
      let header: ReturnType<typeof decodeHeader>;
      try {
        header = decodeHeader(msg);
      } catch (err) {
        rejected = errorMessage(err);
        return;
      }
      if (!matchesQuery(header, id, ask)) return;
      if (header.tc) return finish({ kind: "truncated", server: label });
      try {
        finish({ kind: "reply", message: decodeMessage(msg), server: label });
      } catch (err) {
        finish(failed("BAD_RESPONSE", errorMessage(err), label));
      }
    });
    socket.send(query, server.port, host, (err) => {
      if (err) finish(failed("TIMEOUT", errorMessage(err), label));
    });
  });
}
