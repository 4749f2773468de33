import dgram from "node:dgram";
import net from "node:net";
import dnsPacket from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDns, startFakeDns } from "./helpers/fake-dns-server.js";

let fake: FakeDns | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

type Decoded = dnsPacket.DecodedPacket & { rcode?: string };

function askUdp(port: number, name: string, type: dnsPacket.RecordType) {
  return new Promise<Decoded>((resolve) => {
    const sock = dgram.createSocket("udp4");
    sock.on("message", (msg) => {
      sock.close();
      resolve(dnsPacket.decode(msg));
    });
    sock.send(
      dnsPacket.encode({ type: "query", id: 7, questions: [{ name, type }] }),
      port,
      "127.0.0.1",
    );
  });
}

function askTcp(port: number, name: string, type: dnsPacket.RecordType) {
  return new Promise<Decoded>((resolve) => {
    const sock = net.connect(port, "127.0.0.1");
    let buf = Buffer.alloc(0);
    sock.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length >= 2 && buf.length >= buf.readUInt16BE(0) + 2) {
        sock.destroy();
        resolve(dnsPacket.decode(buf.subarray(2)));
      }
    });
    sock.write(dnsPacket.streamEncode({ type: "query", id: 9, questions: [{ name, type }] }));
  });
}

describe("fake DNS server helper", () => {
  it("answers A through a CNAME chain over UDP and TCP, NXDOMAIN and NODATA with the SOA", async () => {
    fake = await startFakeDns({
      records: {
        "example.org": { SOA: [{ mname: "ns1.example.org", rname: "h.example.org", serial: 1 }] },
        "www.example.org": { CNAME: ["edge.example.org"] },
        "edge.example.org": { A: ["192.0.2.1"] },
      },
    });
    const udp = await askUdp(fake.port, "WWW.example.org", "A");
    expect(udp.id).toBe(7);
    expect(udp.answers?.map((a) => a.type)).toEqual(["CNAME", "A"]);
    const tcp = await askTcp(fake.port, "www.example.org", "A");
    expect(tcp.answers?.map((a) => (a as { data?: unknown }).data)).toEqual([
      "edge.example.org",
      "192.0.2.1",
    ]);
    const nx = await askUdp(fake.port, "nope.example.org", "A");
    expect(nx.rcode).toBe("NXDOMAIN");
    expect(nx.authorities?.[0]?.type).toBe("SOA");
    const nodata = await askUdp(fake.port, "edge.example.org", "MX");
    expect(nodata.rcode).toBe("NOERROR");
    expect(nodata.answers).toEqual([]);
    expect(fake.queries.map((q) => q.transport)).toEqual(["udp", "tcp", "udp", "udp"]);
  });

  it("sets TC over UDP when told to truncate and returns the rcode it is given", async () => {
    fake = await startFakeDns({ truncate: true, records: { "a.test": { A: ["192.0.2.2"] } } });
    const udp = await askUdp(fake.port, "a.test", "A");
    expect(udp.flag_tc).toBe(true);
    const other = await startFakeDns({ rcode: "REFUSED" });
    const refused = await askUdp(other.port, "a.test", "A");
    expect(refused.rcode).toBe("REFUSED");
    await other.close();
  });
});
