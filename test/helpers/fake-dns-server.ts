// A real DNS server on 127.0.0.1 (UDP and TCP on the same port 0), built on dns-packet, for
// unit tests, CLI subprocess tests and the benchmark. It answers like a recursive resolver:
// a CNAME is answered for any type and its chain is followed inside the server's own data.
import dgram from "node:dgram";
import net from "node:net";
import dnsPacket from "dns-packet";

/** Record types the fake server knows how to hold. */
export type FakeRecordType = "A" | "AAAA" | "CNAME" | "NS" | "MX" | "TXT" | "SOA" | "CAA" | "PTR";

/**
 * Zone data by owner name (case-insensitive, trailing dot optional). Values are dns-packet
 * `data` shapes: A/AAAA/CNAME/NS/PTR strings; MX `{preference, exchange}`; TXT string or
 * string[]; SOA `{mname, rname, serial, refresh?, retry?, expire?, minimum?}`; CAA
 * `{flags, tag, value}`.
 */
export type FakeRecords = Record<string, Partial<Record<FakeRecordType, unknown[]>>>;

export type FakeTransport = "udp" | "tcp";

/** One query the server received. */
export interface FakeQuery {
  name: string;
  type: string;
  transport: FakeTransport;
  id: number;
}

/** Where a query came from, for handlers. */
export interface FakeQueryInfo {
  transport: FakeTransport;
  address: string;
  port: number;
}

/**
 * What a handler returns: "drop" (no reply), raw bytes (sent as they are; TCP adds the length
 * prefix), a packet (id, flags and questions default to the query's), or undefined for the
 * server's normal answer.
 */
export type FakeReply = "drop" | Buffer | (dnsPacket.Packet & { rcode?: string }) | undefined;

export type FakeHandler = (query: dnsPacket.DecodedPacket, info: FakeQueryInfo) => FakeReply;

export interface FakeDnsOptions {
  records?: FakeRecords;
  /** TTL of every record (default 300). */
  ttl?: number;
  /** Answer every query with this rcode and no records. */
  rcode?: "SERVFAIL" | "REFUSED" | "NXDOMAIN" | "FORMERR" | "NOTIMP";
  /** Never answer over UDP (TCP still answers). */
  drop?: boolean;
  /** Over UDP, answer with TC set and no records (TCP answers in full). */
  truncate?: boolean;
  /** Wait this long before every reply. */
  latencyMs?: number;
  /** Consulted first for every query; return undefined for the normal answer. */
  handler?: FakeHandler;
}

export interface FakeDns {
  address: string;
  /** UDP and TCP listen on this same port. */
  port: number;
  udpPort: number;
  tcpPort: number;
  /** Every query received, in order. */
  queries: FakeQuery[];
  /** "127.0.0.1:PORT", as --resolver takes it. */
  server: string;
  close(): Promise<void>;
}

const MAX_TCP_MESSAGE = 65535;
const RCODES: Record<string, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
};

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

function lookupTable(
  records: FakeRecords,
): Map<string, Partial<Record<FakeRecordType, unknown[]>>> {
  const table = new Map<string, Partial<Record<FakeRecordType, unknown[]>>>();
  for (const [name, rrs] of Object.entries(records)) table.set(norm(name), rrs);
  return table;
}

// The normal answer: CNAME chain followed inside the data, NXDOMAIN/NODATA with the SOA of the
// closest enclosing name that has one.
function answer(
  table: ReturnType<typeof lookupTable>,
  q: dnsPacket.Question,
  ttl: number,
): { rcode: string; answers: dnsPacket.Answer[]; authorities: dnsPacket.Answer[] } {
  const answers: dnsPacket.Answer[] = [];
  const seen = new Set<string>();
  let name = norm(q.name);
  let rcode = "NOERROR";
  for (let step = 0; step < 16; step++) {
    const rrs = table.get(name);
    if (!rrs) {
      rcode = "NXDOMAIN"; // RFC 6604: the rcode speaks of the last name in the chain
      break;
    }
    const own = rrs[q.type as FakeRecordType];
    if (own && own.length > 0) {
      for (const data of own) answers.push({ name, type: q.type, ttl, data } as dnsPacket.Answer);
      break;
    }
    const cname = rrs.CNAME?.[0];
    if (q.type === "CNAME" || typeof cname !== "string" || seen.has(name)) break;
    seen.add(name);
    answers.push({ name, type: "CNAME", ttl, data: cname });
    name = norm(cname);
  }
  const authorities: dnsPacket.Answer[] = [];
  if (!answers.some((a) => a.type === q.type)) {
    const labels = name.split(".");
    for (let i = 0; i < labels.length; i++) {
      const zone = labels.slice(i).join(".");
      const soa = table.get(zone)?.SOA?.[0];
      if (soa) {
        authorities.push({ name: zone, type: "SOA", ttl, data: soa } as dnsPacket.Answer);
        break;
      }
    }
  }
  return { rcode, answers, authorities };
}

function encodeReply(
  query: dnsPacket.DecodedPacket,
  reply: dnsPacket.Packet & { rcode?: string },
): Buffer {
  const rcodeBits = RCODES[reply.rcode ?? "NOERROR"] ?? 0;
  const flags =
    (reply.flags ?? dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE) | rcodeBits;
  return dnsPacket.encode({
    type: "response",
    id: reply.id ?? query.id ?? 0,
    flags,
    questions: reply.questions ?? query.questions ?? [],
    answers: reply.answers ?? [],
    authorities: reply.authorities ?? [],
    additionals: reply.additionals ?? [],
  });
}

/** Starts a fake DNS server on 127.0.0.1, UDP and TCP on one OS-chosen port. */
export async function startFakeDns(options: FakeDnsOptions = {}): Promise<FakeDns> {
  const table = lookupTable(options.records ?? {});
  const ttl = options.ttl ?? 300;
  const queries: FakeQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<net.Socket>();

  function respond(msg: Buffer, info: FakeQueryInfo, send: (b: Buffer) => void): void {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    if (q)
      queries.push({
        name: norm(q.name),
        type: q.type,
        transport: info.transport,
        id: query.id ?? 0,
      });
    let out: Buffer | null = null;
    const custom = options.handler?.(query, info);
    if (custom === "drop") return;
    if (Buffer.isBuffer(custom)) out = custom;
    else if (custom) out = encodeReply(query, custom);
    else if (info.transport === "udp" && options.drop) return;
    else if (options.rcode) out = encodeReply(query, { rcode: options.rcode });
    else if (info.transport === "udp" && options.truncate)
      out = encodeReply(query, {
        flags: dnsPacket.TRUNCATED_RESPONSE | dnsPacket.RECURSION_AVAILABLE,
      });
    else if (!q) out = encodeReply(query, { rcode: "FORMERR" });
    else out = encodeReply(query, answer(table, q, ttl));
    const bytes = out;
    if (options.latencyMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        send(bytes);
      }, options.latencyMs);
      timers.add(t);
    } else send(bytes);
  }

  const tcp = net.createServer((sock) => {
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
    sock.on("error", () => {});
    let buf = Buffer.alloc(0);
    sock.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2) {
        const len = buf.readUInt16BE(0);
        if (buf.length < len + 2) break;
        const msg = buf.subarray(2, len + 2);
        buf = buf.subarray(len + 2);
        const info = {
          transport: "tcp" as const,
          address: sock.remoteAddress ?? "",
          port: sock.remotePort ?? 0,
        };
        respond(msg, info, (b) => {
          const frame = Buffer.alloc(2);
          frame.writeUInt16BE(Math.min(b.length, MAX_TCP_MESSAGE));
          if (!sock.destroyed) sock.write(Buffer.concat([frame, b]));
        });
      }
    });
  });
  // Bind UDP on port 0, then TCP on the same number; retry if that TCP port is taken.
  let udp: dgram.Socket | null = null;
  let port = 0;
  for (let attempt = 0; attempt < 20 && !udp; attempt++) {
    const sock = dgram.createSocket("udp4");
    sock.on("message", (msg, rinfo) => {
      respond(msg, { transport: "udp", address: rinfo.address, port: rinfo.port }, (b) => {
        sock.send(b, rinfo.port, rinfo.address, () => {});
      });
    });
    await new Promise<void>((resolve) => sock.bind(0, "127.0.0.1", resolve));
    port = sock.address().port;
    const listened = await new Promise<boolean>((resolve) => {
      tcp.once("error", () => resolve(false));
      tcp.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (listened) udp = sock;
    else await new Promise<void>((resolve) => sock.close(() => resolve()));
  }
  if (!udp) throw new Error("fake DNS: could not bind UDP and TCP on one port");
  const udpSock = udp;

  return {
    address: "127.0.0.1",
    port,
    udpPort: port,
    tcpPort: port,
    queries,
    server: `127.0.0.1:${port}`,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udpSock.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}
