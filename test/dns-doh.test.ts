// DNS over HTTPS (RFC 8484) against a local HTTP server speaking application/dns-message.
import http from "node:http";
import type { AddressInfo } from "node:net";
import dnsPacket from "dns-packet";
import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createResolver } from "../src/clients/dns/resolver.js";
import type { Resolver } from "../src/clients/dns/types.js";

type Handler = (body: Buffer, req: http.IncomingMessage, res: http.ServerResponse) => void;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function dohServer(
  handler: Handler,
): Promise<{ r: Resolver; requests: http.IncomingMessage[] }> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(Buffer.concat(chunks), req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const dispatcher = new Agent();
  const r = createResolver({
    servers: [],
    doh: `http://127.0.0.1:${port}/dns-query`,
    timeoutMs: 300,
    resolvConf: null,
    attempts: 1,
    dispatcher,
  });
  cleanup.push(
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    () => dispatcher.close(),
    () => r.close(),
  );
  return { r, requests };
}

function answerA(body: Buffer, ip: string): Buffer {
  const query = dnsPacket.decode(body);
  const q = query.questions![0]!;
  return dnsPacket.encode({
    type: "response",
    id: query.id,
    questions: [q],
    answers: [{ name: q.name, type: "A", ttl: 60, data: ip }],
  });
}

describe("DoH transport", () => {
  it("POSTs application/dns-message with ID 0 and decodes the reply", async () => {
    let id = -1;
    const { r, requests } = await dohServer((body, _req, res) => {
      id = dnsPacket.decode(body).id ?? -1;
      res.writeHead(200, { "content-type": "application/dns-message" });
      res.end(answerA(body, "192.0.2.80"));
    });
    const a = await r.query("doh.example", "A");
    expect(a.status).toBe("NOERROR");
    expect(a.answers[0]?.data).toBe("192.0.2.80");
    expect(a.server).toMatch(/\/dns-query$/);
    expect(id).toBe(0);
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.headers["content-type"]).toBe("application/dns-message");
  });

  it("an HTTP error status is SERVFAIL with the status in the message", async () => {
    const { r } = await dohServer((_b, _req, res) => {
      res.writeHead(503);
      res.end("busy");
    });
    const a = await r.query("doh.example", "A");
    expect(a.status).toBe("SERVFAIL");
    expect(a.message).toMatch(/HTTP 503/);
  });

  it("a reply that is not application/dns-message is BAD_RESPONSE", async () => {
    const { r } = await dohServer((body, _req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(answerA(body, "192.0.2.1"));
    });
    const a = await r.query("html.example", "A");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.message).toMatch(/content-type text\/html/);
  });

  it("a reply to another question is BAD_RESPONSE", async () => {
    const { r } = await dohServer((body, _req, res) => {
      const query = dnsPacket.decode(body);
      res.writeHead(200, { "content-type": "application/dns-message" });
      res.end(
        dnsPacket.encode({
          type: "response",
          id: query.id,
          questions: [{ name: "other.example", type: "A" }],
          answers: [{ name: "other.example", type: "A", ttl: 60, data: "6.6.6.6" }],
        }),
      );
    });
    const a = await r.query("mismatch.example", "A");
    expect(a.status).toBe("BAD_RESPONSE");
    expect(a.answers).toEqual([]);
  });

  it("no answer in time is TIMEOUT", async () => {
    const { r } = await dohServer(() => {});
    const a = await r.query("slow.example", "A");
    expect(a.status).toBe("TIMEOUT");
  });
});
