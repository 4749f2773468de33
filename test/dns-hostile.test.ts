// Replies a resolver must never accept, and malformed ones it must survive: each answered by a
// raw UDP socket on 127.0.0.1 that sends hostile variants before (or instead of) the right one.
import dgram from "node:dgram";
import dnsPacket from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { createResolver } from "../src/clients/dns/resolver.js";
import type { Resolver } from "../src/clients/dns/types.js";

type Send = (bytes: Buffer, via?: dgram.Socket) => void;
type RawHandler = (query: dnsPacket.DecodedPacket, send: Send, spare: dgram.Socket) => void;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function bind(sock: dgram.Socket): Promise<number> {
  return new Promise((resolve) => sock.bind(0, "127.0.0.1", () => resolve(sock.address().port)));
}

function closeSock(sock: dgram.Socket): Promise<void> {
  return new Promise((resolve) => sock.close(() => resolve()));
}

// A UDP "server" whose handler writes raw replies; `spare` is a second socket (another port).
async function rawServer(handler: RawHandler, onPort?: (port: number) => void): Promise<Resolver> {
  const sock = dgram.createSocket("udp4");
  const spare = dgram.createSocket("udp4");
  const port = await bind(sock);
  onPort?.(port);
  await bind(spare);
  sock.on("message", (msg, rinfo) => {
    const query = dnsPacket.decode(msg);
    handler(query, (bytes, via = sock) => via.send(bytes, rinfo.port, rinfo.address), spare);
  });
  const resolver = createResolver({
    servers: [{ host: "127.0.0.1", port }],
    doh: null,
    timeoutMs: 300,
    resolvConf: null,
    attempts: 1,
  });
  cleanup.push(
    () => closeSock(sock),
    () => closeSock(spare),
    () => resolver.close(),
  );
  return resolver;
}

function reply(query: dnsPacket.DecodedPacket, ip: string, patch: dnsPacket.Packet = {}): Buffer {
  const q = query.questions![0]!;
  return dnsPacket.encode({
    type: "response",
    id: query.id,
    flags: dnsPacket.RECURSION_AVAILABLE,
    questions: [q],
    answers: [{ name: q.name, type: "A", ttl: 60, data: ip }],
    ...patch,
  });
}

// A reply to `query` whose answer section is one record of raw bytes (owner = the question).
function rawAnswer(
  query: dnsPacket.DecodedPacket,
  type: number,
  rdata: Buffer,
  rdlength = rdata.length,
): Buffer {
  const head = dnsPacket.encode({
    type: "response",
    id: query.id,
    flags: dnsPacket.RECURSION_AVAILABLE,
    questions: query.questions,
  });
  head.writeUInt16BE(1, 6); // ANCOUNT
  const rr = Buffer.alloc(12);
  rr.writeUInt16BE(0xc00c, 0); // owner: pointer to the question name
  rr.writeUInt16BE(type, 2);
  rr.writeUInt16BE(1, 4);
  rr.writeUInt32BE(60, 6);
  rr.writeUInt16BE(rdlength, 10);
  return Buffer.concat([head, rr, rdata]);
}

function labels(...parts: Buffer[]): Buffer {
  return Buffer.concat([...parts.flatMap((p) => [Buffer.from([p.length]), p]), Buffer.from([0])]);
}

describe("spoofed replies are ignored and the wait goes on", () => {
  it("ignores a wrong ID, a wrong question, a wrong port and a non-response, then accepts the right one", async () => {
    const r = await rawServer((query, send, spare) => {
      const q = query.questions![0]!;
      send(reply(query, "6.6.6.1", { id: (query.id! + 1) & 0xffff }));
      send(reply(query, "6.6.6.2", { questions: [{ name: "evil.example", type: "A" }] }));
      send(reply(query, "6.6.6.3", { questions: [{ name: q.name, type: "AAAA" }] }));
      send(reply(query, "6.6.6.4"), spare);
      send(reply(query, "6.6.6.5", { type: "query" }));
      send(reply(query, "192.0.2.1"));
    });
    const a = await r.query("spoof.example", "A");
    expect(a.status).toBe("NOERROR");
    expect(a.answers.map((x) => x.data)).toEqual(["192.0.2.1"]);
  });

  it("ignores a reply from another address on the server's port", async () => {
    const other = dgram.createSocket("udp4");
    cleanup.push(() => closeSock(other));
    let serverPort = 0;
    const r = await rawServer(
      (query, send) => {
        send(reply(query, "6.6.6.7"), other);
        send(reply(query, "192.0.2.3"));
      },
      (port) => {
        serverPort = port;
      },
    );
    // 127.0.0.2 is loopback too: same port number, other address.
    await new Promise<void>((resolve) => other.bind(serverPort, "127.0.0.2", () => resolve()));
    const a = await r.query("address.example", "A");
    expect(a.answers.map((x) => x.data)).toEqual(["192.0.2.3"]);
  });

  it("compares the question name case-insensitively", async () => {
    const r = await rawServer((query, send) => {
      send(reply(query, "192.0.2.2", { questions: [{ name: "MiXeD.Example", type: "A" }] }));
    });
    const a = await r.query("mixed.example", "A");
    expect(a.answers.map((x) => x.data)).toEqual(["192.0.2.2"]);
  });

  it("times out when only spoofed replies arrive", async () => {
    const r = await rawServer((query, send, spare) => {
      send(reply(query, "6.6.6.1", { id: (query.id! + 1) & 0xffff }));
      send(reply(query, "6.6.6.4"), spare);
    });
    const a = await r.query("spoof.example", "A");
    expect(a.status).toBe("TIMEOUT");
    expect(a.answers).toEqual([]);
  });
});

describe("malformed replies are BAD_RESPONSE, never an exception", () => {
  it("garbage that is not even a header is ignored, then reported as BAD_RESPONSE", async () => {
    const r = await rawServer((_query, send) => send(Buffer.from([1, 2, 3, 4, 5])));
    const a = await r.query("garbled.example", "A");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.message).toMatch(/shorter than a header/);
  });

  it("a reply cut off inside its answer section", async () => {
    const r = await rawServer((query, send) => {
      const full = reply(query, "192.0.2.1");
      send(full.subarray(0, full.length - 3));
    });
    const a = await r.query("cut.example", "A");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.answers).toEqual([]);
  });

  it("a compression pointer loop", async () => {
    const r = await rawServer((query, send) => {
      const head = dnsPacket.encode({ type: "response", id: query.id, questions: query.questions });
      head.writeUInt16BE(1, 6);
      // The record's owner name is a pointer to itself.
      const self = head.length;
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc000 | self, 0);
      rr.writeUInt16BE(1, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(4, 10);
      rr.set([192, 0, 2, 1], 12);
      send(Buffer.concat([head, rr]));
    });
    const a = await r.query("loop.example", "A");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.message).toMatch(/pointer/);
  });

  it("an A record whose RDLENGTH lies (2, or 8, or past the end)", async () => {
    for (const [rdata, rdlength] of [
      [Buffer.from([192, 0]), 2],
      [Buffer.from([192, 0, 2, 1, 10, 0, 0, 1]), 8],
      [Buffer.from([192, 0, 2, 1]), 40],
    ] as const) {
      const r = await rawServer((query, send) => send(rawAnswer(query, 1, rdata, rdlength)));
      const a = await r.query("rdlength.example", "A");
      expect(a.status).toBe("BAD_RESPONSE");
    }
  });

  it("an AAAA record of 4 bytes", async () => {
    const r = await rawServer((query, send) =>
      send(rawAnswer(query, 28, Buffer.from([192, 0, 2, 1]))),
    );
    const a = await r.query("short.example", "AAAA");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.message).toMatch(/AAAA record with RDLENGTH 4/);
  });

  it("escapes non-printable bytes, dots and backslashes inside labels like dig (\\DDD)", async () => {
    const target = labels(
      Buffer.from("ev\x1b[31mIL", "latin1"),
      Buffer.from("a.b\\c d"),
      Buffer.from([0xff, 0x00]),
      Buffer.from("example"),
    );
    const r = await rawServer((query, send) => send(rawAnswer(query, 5, target)));
    const a = await r.query("escape.example", "CNAME");
    expect(a.status).toBe("NOERROR");
    expect(a.answers[0]?.data).toBe("ev\\027[31mil.a\\.b\\\\c\\032d.\\255\\000.example");
  });

  it("escapes control bytes in TXT strings", async () => {
    const r = await rawServer((query, send) =>
      send(rawAnswer(query, 16, Buffer.concat([Buffer.from([5]), Buffer.from("a\x1b]b\n")]))),
    );
    const a = await r.query("txt.example", "TXT");
    expect(a.answers[0]?.data).toBe("a\\027]b\\010");
  });
});
