import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../src/clients/probe/probe-client.js";
import { createContext } from "../src/scan/context.js";
import { emptyDnsSection } from "../src/sources/evidence.js";
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
  return {
    section: { ...emptyDnsSection(), a },
    zone: null,
    cnameChain: [],
    chains: { a: [], aaaa: [] },
    answers: {},
  };
}

describe("http source", () => {
  // The same reachable setup with and without --passive: --connect-to sends every port of
  // site.test to the local server and --allow-private lets the probe connect, so a probe that
  // ignored --passive WOULD reach it (the control below shows it does).
  async function reachableSetup(passive: boolean) {
    const server = await startWebServer({ routes: { "*": { body: "x" } } });
    open.push(server);
    const options = probeOptions({
      passive,
      allowPrivate: true,
      connectTo: [
        { host: "site.test", port: "", connectHost: "127.0.0.1", connectPort: String(server.port) },
      ],
    });
    const ctx = createContext(options, { resolver: tableResolver({}) });
    open.push(ctx);
    const outcome = await httpSource.gather(ctx, {
      target,
      dns: dnsWith(["127.0.0.1"]),
      signal: new AbortController().signal,
    });
    return { server, outcome };
  }

  it("--passive sends nothing to a target the probe could reach, and reports the source as skipped", async () => {
    const { server, outcome } = await reachableSetup(true);
    expect(outcome).toMatchObject({ status: "skipped", value: null, errors: [] });
    expect(server.connections()).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it("control for --passive: the same setup without --passive does reach the local server", async () => {
    const { server, outcome } = await reachableSetup(false);
    expect(outcome.status).not.toBe("skipped");
    expect(server.connections()).toBeGreaterThan(0);
    expect(server.requests.length).toBeGreaterThan(0);
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
