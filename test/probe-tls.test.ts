import { afterEach, describe, expect, it } from "vitest";
import { probeSite } from "../src/clients/probe/probe.js";
import { type FakeWebServer, startWebServer } from "./helpers/fake-web-server.js";
import { probeOptions, testClient } from "./helpers/probe-harness.js";
import type { LeafKind } from "./helpers/test-certs.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function serve(kind: LeafKind): Promise<FakeWebServer> {
  const server = await startWebServer({
    tls: kind,
    routes: { "/": { body: "<title>hi</title>" } },
  });
  open.push(server);
  return server;
}

async function probeWith(kind: LeafKind) {
  const server = await serve(kind);
  const options = probeOptions({
    connectTo: [
      {
        host: "site.test",
        port: "443",
        connectHost: "127.0.0.1",
        connectPort: String(server.port),
      },
    ],
  });
  const client = testClient(options);
  open.push(client);
  return probeSite(client, options, {
    url: "https://site.test/",
    fallbackToHttp: true,
    signal: new AbortController().signal,
  });
}

describe("TLS certificate record", () => {
  it("records a valid chain as trusted, with issuer organisation, SANs, dates and fingerprint", async () => {
    const { page: evidence, errors } = await probeWith("valid");
    expect(errors).toEqual([]);
    const tls = evidence?.response.tls;
    expect(tls).toMatchObject({
      issuer: "Hostscan Test Trust / Hostscan Test Issuing CA 1",
      issuerOrg: "Hostscan Test Trust",
      subject: "site.test",
      trusted: true,
      error: null,
    });
    expect(tls?.san).toEqual(["site.test", "*.site.test", "public.example", "127.0.0.1"]);
    expect(tls?.chain).toEqual([
      "Hostscan Test Trust / Hostscan Test Issuing CA 1",
      "Hostscan Test Trust / Hostscan Test Root CA",
    ]);
    expect(tls?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(tls?.validFrom).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(evidence?.response.status).toBe(200);
    expect(evidence?.response.remoteAddress).toBe("127.0.0.1");
  });

  it.each([
    ["expired", "CERT_HAS_EXPIRED"],
    ["self-signed", "DEPTH_ZERO_SELF_SIGNED_CERT"],
    ["wrong-name", "ERR_TLS_CERT_ALTNAME_INVALID"],
  ] as const)(
    "keeps an %s certificate as evidence and says why it is not trusted",
    async (kind, code) => {
      const { page: evidence, errors } = await probeWith(kind);
      expect(evidence?.response.status).toBe(200);
      expect(evidence?.body).toContain("<title>hi</title>");
      expect(evidence?.response.tls).toMatchObject({ trusted: false, error: code });
      expect(evidence?.response.tls?.sha256).toBeTruthy();
      expect(errors).toEqual([expect.objectContaining({ source: "tls", code: "TLS_ERROR" })]);
    },
  );
});
