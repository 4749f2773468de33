// DNS over HTTPS (RFC 8484): the wire-format query POSTed as application/dns-message through
// the injected undici dispatcher, the reply read with a size cap and checked like any other.
import { type Dispatcher, request } from "undici";
import { errorCode, errorMessage } from "../errors.js";
import { linkedSignal } from "../net/linked-signal.js";
import { type Ask, type Exchange, failed, matchesQuery } from "./exchange.js";
import { decodeHeader, decodeMessage, encodeQuery, MAX_MESSAGE_BYTES } from "./message.js";

const MEDIA_TYPE = "application/dns-message";

/** Asks the DoH endpoint `url` one question; resolves (never rejects) with the checked outcome. */
export async function dohExchange(
  url: string,
  dispatcher: Dispatcher,
  ask: Ask,
): Promise<Exchange> {
  // RFC 8484 §4.1: ID 0 keeps the request cache-friendly; HTTPS protects the exchange.
  const id = 0;
  const body = encodeQuery(id, ask.name, ask.type, ask.edns);
  const linked = linkedSignal(ask.signal, ask.timeoutMs);
  const signal = linked.signal;
  try {
    const res = await request(url, {
      method: "POST",
      dispatcher,
      signal,
      headers: { "content-type": MEDIA_TYPE, accept: MEDIA_TYPE },
      body,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_MESSAGE_BYTES) {
        res.body.destroy();
        return failed("BAD_RESPONSE", `DoH reply larger than ${MAX_MESSAGE_BYTES} bytes`, url);
      }
      chunks.push(chunk as Buffer);
    }
    if (res.statusCode !== 200) {
      return failed("SERVFAIL", `DoH server answered HTTP ${res.statusCode}`, url);
    }
    const type = String(res.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (type !== MEDIA_TYPE) {
      return failed("BAD_RESPONSE", `DoH reply has content-type ${type || "(none)"}`, url);
    }
    const msg = Buffer.concat(chunks);
    const header = decodeHeader(msg);
    if (!matchesQuery(header, id, ask)) {
      return failed("BAD_RESPONSE", "DoH reply does not match the question", url);
    }
    return { kind: "reply", message: decodeMessage(msg), server: url };
  } catch (err) {
    const code = errorCode(err);
    if (code === "TIMEOUT" || code === "ABORTED") {
      return failed("TIMEOUT", `no DoH answer in ${ask.timeoutMs} ms`, url);
    }
    if (code === "BAD_RESPONSE" || code === "INTERNAL") {
      return failed("BAD_RESPONSE", errorMessage(err), url);
    }
    return failed("TIMEOUT", `DoH: ${errorMessage(err)}`, url);
  } finally {
    linked.dispose();
  }
}
