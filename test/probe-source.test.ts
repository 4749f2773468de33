import { afterEach, describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { emptyDnsSection } from "../src/evidence.js";
import { createHttpClient } from "../src/probe/client.js";
import { httpSource } from "../src/sources/http.js";
import { startWebServer } from "./helpers/fake-web-server.js";
import { probeOptions, tableResolver } from "./helpers/probe-harness.js";
import { testRootCa } from "./helpers/test-certs.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

const target = { input: "site.test", host: "site.test", domain: "site.test", url: null };

function dnsWith(a: string[]) {
  return { section: { ...emptyDnsSection(), a }, zone: null, cnameChain: [], answers: {} };
}

describe("http source", () => {
  it("--passive sends nothing to the target and reports the source as skipped", async () => {
    const server = await startWebServer({ routes: { "*": { body: "x" } } });
    open.push(server);
    const options = probeOptions({ passive: true, allowPrivate: true });
    const ctx = createContext(options, { resolver: tableResolver({}) });
    open.push(ctx);
    const outcome = await httpSource.gather(ctx, {
      target,
      dns: dnsWith(["127.0.0.1"]),
      signal: new AbortController().signal,
    });
    expect(outcome).toMatchObject({ status: "skipped", value: null, errors: [] });
    expect(server.requests).toHaveLength(0);
  });

  it("connects to the addresses the DNS source found, not the operating system's resolver", async () => {
    const server = await startWebServer({
      routes: { "/": { body: "<title>t</title>" } },
      tls: "valid",
    });
    open.push(server);
    const options = probeOptions({
      allowPrivate: true,
      connectTo: [{ host: "", port: "443", connectHost: "", connectPort: String(server.port) }],
    });
    const resolver = tableResolver({});
    const http = createHttpClient({ options, resolver, ca: [testRootCa()] });
    const ctx = createContext(options, { resolver, http });
    open.push(ctx);
    const outcome = await httpSource.gather(ctx, {
      target,
      dns: dnsWith(["127.0.0.1"]),
      signal: new AbortController().signal,
    });
    expect(outcome.status).toBe("ok");
    expect(outcome.value?.section).toMatchObject({
      url: "https://site.test/",
      status: 200,
      remoteAddress: "127.0.0.1",
    });
    expect(outcome.value?.section.tls?.trusted).toBe(true);
    expect(resolver.asked).toEqual([]);
  });
});
