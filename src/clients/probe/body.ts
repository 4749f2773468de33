import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { HostscanError } from "../errors.js";

/** A capped, decompressed body and why reading stopped early, if it did. */
export interface BodyRead {
  bytes: Buffer;
  /** More data followed the cap (raw or decompressed). */
  truncated: boolean;
  /** The decompressed size passed the cap: a decompression bomb or simply a big page. */
  inflatedPastCap: boolean;
  /** Why reading or decoding failed part-way (TIMEOUT, BAD_RESPONSE…); what was read is kept. */
  error: unknown | null;
}

/** Reads at most `maxBytes` raw bytes, giving up after `deadlineMs` (an overall body deadline). */
export async function readRaw(
  body: Readable,
  maxBytes: number,
  deadlineMs: number,
): Promise<{ bytes: Buffer; truncated: boolean; error: unknown | null }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  let error: unknown = null;
  const timer = setTimeout(
    () => body.destroy(new HostscanError("TIMEOUT", `body not complete after ${deadlineMs} ms`)),
    deadlineMs,
  );
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = maxBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        break; // leaving the loop destroys the stream: nothing more is read
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    error = err;
  } finally {
    clearTimeout(timer);
    if (!body.destroyed) body.destroy();
  }
  return { bytes: Buffer.concat(chunks, size), truncated, error };
}

function decoderFor(
  encoding: string,
  first: number | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH }; // tolerate a body cut at the cap
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip(sync);
    case "deflate":
      // RFC 9110 says zlib-wrapped; some servers send raw deflate. A zlib header starts 0x?8.
      return first !== undefined && (first & 0x0f) === 8
        ? zlib.createInflate(sync)
        : zlib.createInflateRaw(sync);
    case "br":
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return null;
  }
}

/**
 * Decodes a Content-Encoding (gzip, deflate, br; "identity" or unknown kept as is) and stops as
 * soon as the output passes `maxBytes`, so a decompression bomb costs at most that much memory.
 */
export async function decodeBody(
  raw: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<BodyRead> {
  const encodings = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e && e !== "identity");
  if (encodings.length !== 1) {
    // None, or stacked encodings (rare): keep the bytes as they came.
    return { bytes: raw, truncated: false, inflatedPastCap: false, error: null };
  }
  const decoder = decoderFor(encodings[0] as string, raw[0]);
  if (!decoder) return { bytes: raw, truncated: false, inflatedPastCap: false, error: null };
  const chunks: Buffer[] = [];
  let size = 0;
  let inflatedPastCap = false;
  let error: unknown = null;
  decoder.end(raw);
  try {
    for await (const chunk of decoder as AsyncIterable<Buffer>) {
      const room = maxBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        inflatedPastCap = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (err) {
    error = new HostscanError("BAD_RESPONSE", `cannot decode ${encodings[0]} body`, { cause: err });
  } finally {
    decoder.destroy();
  }
  return { bytes: Buffer.concat(chunks, size), truncated: inflatedPastCap, inflatedPastCap, error };
}

/** Text of a body: the charset from Content-Type or a <meta charset>, else UTF-8. */
export function bodyText(bytes: Buffer, contentType: string | undefined): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  const fromMeta = /<meta[^>]{0,200}charset\s*=\s*["']?([\w.:-]+)/i.exec(
    bytes.subarray(0, 2048).toString("latin1"),
  )?.[1];
  const label = (fromHeader ?? fromMeta ?? "utf-8").toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
