import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ServerLimiter } from "../src/clients/rdap/server-limiter.js";
import { whoisQuery } from "../src/clients/whois/port43-query.js";
import { type FakeWhoisServer, startFakeWhoisServer } from "./helpers/fake-whois-server.js";

const open: FakeWhoisServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function options(timeoutMs: number) {
  return {
    timeoutMs,
    maxBytes: 256 * 1024,
    limiter: new ServerLimiter(2, () => Date.now()),
    now: () => Date.now(),
  };
}

describe("WHOIS client", () => {
  it("a server trickling a byte every few ms is cut off at the overall deadline, not the size cap", async () => {
    const server = await startFakeWhoisServer({ "slow.test": { trickle: true, everyMs: 5 } });
    open.push(server);
    const res = await whoisQuery(server.server, "slow.test", options(300));
    expect(res.kind).toBe("error");
    if (res.kind === "error") {
      expect(res.error.code).toBe("TIMEOUT");
      expect(res.error.message).toMatch(/not complete in 300 ms/);
    }
    expect(server.queries).toEqual(["slow.test"]);
  });

  it("a complete answer within the deadline is returned whole", async () => {
    const server = await startFakeWhoisServer({ "ok.test": "Registrar: Example Registrar\n" });
    open.push(server);
    const res = await whoisQuery(server.server, "ok.test", options(300));
    expect(res).toMatchObject({ kind: "ok", text: "Registrar: Example Registrar\n" });
  });

  it("keeps its side open until the answer: a server that ends when the client does still answers", async () => {
    // As GNU whois does: the query is written, never followed by a half-close. A server without
    // half-open support closes on the client's FIN, before a slow answer could be sent.
    const server = createServer({ allowHalfOpen: false }, (sock) => {
      sock.on("error", () => {});
      sock.once("data", () => {
        setTimeout(() => sock.end("Registrar: Slow Registrar\r\n"), 50);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const res = await whoisQuery(`127.0.0.1:${port}`, "slow-answer.test", options(2000));
      expect(res).toMatchObject({ kind: "ok", text: "Registrar: Slow Registrar\r\n" });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
