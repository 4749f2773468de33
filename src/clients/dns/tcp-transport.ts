// DNS over TCP (RFC 7766, framing from RFC 1035 §4.2.2): each message is preceded by its
// two-byte length, which also bounds it; one query per connection, closed after the reply.
import net from "node:net";
import { errorMessage } from "../errors.js";
import {
  type Ask,
  type Exchange,
  failed,
  matchesQuery,
  randomId,
  serverLabel,
} from "./exchange.js";
import { decodeHeader, decodeMessage, encodeQuery, MAX_MESSAGE_BYTES } from "./message.js";
import type { DnsServer } from "./types.js";

/** Asks `server` one question over TCP; resolves (never rejects) with the checked outcome. */
export function tcpExchange(server: DnsServer, ask: Ask): Promise<Exchange> {
  const label = serverLabel(server.host, server.port);
  const id = randomId();
  const query = encodeQuery(id, ask.name, ask.type, ask.edns);
  const frame = Buffer.alloc(2 + query.length);
  frame.writeUInt16BE(query.length, 0);
  query.copy(frame, 2);
  const host = server.host;

  return new Promise<Exchange>((resolve) => {
    let done = false;
    let buffered = Buffer.alloc(0);
    const socket = net.connect({ host, port: server.port });
    const finish = (outcome: Exchange) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ask.signal.removeEventListener("abort", onAbort);
      socket.removeAllListeners("data");
      socket.on("error", () => {});
      socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => finish(failed("TIMEOUT", "query aborted", label));
    const timer = setTimeout(
      () => finish(failed("TIMEOUT", `no answer over TCP in ${ask.timeoutMs} ms`, label)),
      ask.timeoutMs,
    );
    if (ask.signal.aborted) return onAbort();
    ask.signal.addEventListener("abort", onAbort, { once: true });

    socket.on("error", (err) => finish(failed("TIMEOUT", `TCP: ${errorMessage(err)}`, label)));
    socket.on("close", () =>
      finish(failed("BAD_RESPONSE", "TCP connection closed before a full reply", label)),
    );
    socket.on("connect", () => socket.write(frame));
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // A length prefix can say at most 65535; anything past one frame plus a prefix is not ours.
      if (buffered.length > 2 + MAX_MESSAGE_BYTES + 2) {
        return finish(failed("BAD_RESPONSE", "TCP reply larger than a DNS message", label));
      }
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (buffered.length < 2 + len) return;
        const msg = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        try {
          const header = decodeHeader(msg);
          if (!matchesQuery(header, id, ask)) continue; // not ours: keep reading
          return finish({ kind: "reply", message: decodeMessage(msg), server: label });
        } catch (err) {
          return finish(failed("BAD_RESPONSE", errorMessage(err), label));
        }
      }
    });
  });
}
