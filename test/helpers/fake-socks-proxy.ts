// A SOCKS5 proxy on 127.0.0.1 (RFC 1928, no authentication) that records what each CONNECT
// asked for ("ipv4 127.0.0.1:443", "domain site.test:443", "ipv6 ::1:443") and relays the bytes.
import net, { type AddressInfo, type Socket } from "node:net";

export interface FakeSocksProxy {
  url: string;
  /** Every CONNECT request: address type, address and port. */
  connects: string[];
  close(): Promise<void>;
}

// Reads the CONNECT request from the buffered bytes; null while incomplete.
function parseRequest(b: Buffer): { kind: string; host: string; port: number; len: number } | null {
  if (b.length < 5) return null;
  const atyp = b[3];
  const addrLen = atyp === 1 ? 4 : atyp === 4 ? 16 : (b[4] ?? 0) + 1;
  const len = 4 + addrLen + 2;
  if (b.length < len) return null;
  const addr = b.subarray(4, 4 + addrLen);
  const host =
    atyp === 1
      ? [...addr].join(".")
      : atyp === 4
        ? (addr.toString("hex").match(/.{4}/g) ?? []).join(":")
        : addr.subarray(1).toString("latin1");
  const kind = atyp === 1 ? "ipv4" : atyp === 4 ? "ipv6" : "domain";
  return { kind, host, port: b.readUInt16BE(4 + addrLen), len };
}

/** Starts the proxy; a domain-name CONNECT is relayed too (to 127.0.0.1), so tests see it. */
export async function startSocksProxy(): Promise<FakeSocksProxy> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => {});
    let buf = Buffer.alloc(0);
    let stage: "greeting" | "request" = "greeting";
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (stage === "greeting") {
        if (buf.length < 2 || buf.length < 2 + (buf[1] ?? 0)) return;
        buf = buf.subarray(2 + (buf[1] ?? 0));
        client.write(Buffer.from([5, 0]));
        stage = "request";
      }
      const req = parseRequest(buf);
      if (!req) return;
      client.off("data", onData);
      connects.push(`${req.kind} ${req.host}:${req.port}`);
      const rest = buf.subarray(req.len);
      const upstream = net.connect(req.port, req.kind === "domain" ? "127.0.0.1" : req.host, () => {
        client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
        if (rest.length) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on("error", () => client.destroy());
    };
    client.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `socks5://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
