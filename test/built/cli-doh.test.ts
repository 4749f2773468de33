// --doh end to end from the built binary: every DNS question goes to the DoH endpoint as an
// RFC 8484 POST, and none over UDP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import dnsPacket from "dns-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSED_WHOIS, type OfflineRdap, startEmptyBootstrap } from "../helpers/offline-world.js";
import { runBin } from "../helpers/run-cli.js";

let server: http.Server;
let url: string;
let rdap: OfflineRdap;
const asked: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const query = dnsPacket.decode(Buffer.concat(chunks));
      const q = query.questions?.[0];
      if (!q || req.headers["content-type"] !== "application/dns-message") {
        res.statusCode = 400;
        res.end();
        return;
      }
      asked.push(`${q.type} ${q.name}`);
      const answers =
        q.name === "example.org" && q.type === "A"
          ? [{ name: q.name, type: "A" as const, ttl: 60, data: "192.0.2.53" }]
          : [];
      res.setHeader("content-type", "application/dns-message");
      res.end(dnsPacket.encode({ type: "response", id: query.id, questions: [q], answers }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`;
  rdap = await startEmptyBootstrap();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rdap.close();
});

describe("hostscan --doh", () => {
  it("asks every DNS question over DNS-over-HTTPS", async () => {
    const r = await runBin([
      "--passive",
      "--no-cache",
      "--json",
      "--doh",
      url,
      "--rdap-bootstrap",
      rdap.url,
      "--whois-server",
      CLOSED_WHOIS,
      "example.org",
    ]);
    const p = JSON.parse(r.stdout);
    expect(p.dns.a).toEqual(["192.0.2.53"]);
    expect(asked).toEqual(
      expect.arrayContaining(["A example.org", "NS example.org", "MX example.org"]),
    );
  });
});
