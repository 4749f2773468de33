import { afterEach, describe, expect, it } from "vitest";
import { detectRegistrar } from "../src/judge/detectors/registrar.js";
import { detectRegistry } from "../src/judge/detectors/registry.js";
import { type Context, createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import type { Target } from "../src/scan/targets/types.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { registrationSource } from "../src/sources/registration.js";
import { type FakeRdapServer, startFakeRdapServer } from "./helpers/fake-rdap-server.js";
import { startFakeWhoisServer, whoisFixture } from "./helpers/fake-whois-server.js";
import { tableResolver } from "./helpers/table-resolver.js";

// Every name is NXDOMAIN: these tests are about registration, not DNS.
const noDns = tableResolver({});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.allSettled(closers.splice(0).map((c) => c()));
});

function target(domain: string): Target {
  return { input: domain, host: domain, domain, url: null };
}

async function world() {
  const rdap: FakeRdapServer = await startFakeRdapServer();
  const registrar = await startFakeWhoisServer({
    "example.thin": whoisFixture("registrar-example.net.txt"),
    "latin.thin": Buffer.from(
      "Registrar: Registrar AG\nRegistrant Organization: Müller GmbH\nRegistrant Country: DE\n",
      "latin1",
    ),
  });
  const thin = await startFakeWhoisServer({
    "example.thin": whoisFixture("verisign-thin-example.net.txt", {
      REGISTRAR_SERVER: registrar.server,
    }),
    "latin.thin": whoisFixture("verisign-thin-example.net.txt", {
      REGISTRAR_SERVER: registrar.server,
    }),
  });
  const denic = await startFakeWhoisServer({
    "beispiel.de": whoisFixture("denic-example.de.txt"),
    "frei.de": whoisFixture("denic-free.de.txt"),
    "busy.de": whoisFixture("denic-throttled.txt"),
    // A real answer followed by 400 KiB of remarks: cut at the 256 KiB cap.
    "lang.de": `${whoisFixture("denic-example.de.txt")}${"% remark\n".repeat(40_000)}`,
  });
  const iana = await startFakeWhoisServer({
    com: whoisFixture("iana-com.txt", { COM_SERVER: thin.server }),
    thin: whoisFixture("iana-com.txt", { COM_SERVER: thin.server }),
    de: whoisFixture("iana-de.txt", { DE_SERVER: denic.server }),
  });
  const ctx: Context = createContext(
    defaultOptions({ rdapBootstrap: rdap.bootstrapUrl, whoisServer: iana.server, timeoutMs: 2000 }),
    { resolver: noDns, rdapHttp: { retryBaseMs: 5, maxRetryWaitMs: 100 } },
  );
  closers.push(() => ctx.close(), rdap.close, registrar.close, thin.close, denic.close, iana.close);
  return { ctx, rdap, iana, denic, thin, registrar };
}

async function gather(ctx: Context, domain: string) {
  const t = target(domain);
  const outcome = await registrationSource.gather(ctx, {
    target: t,
    dns: null,
    signal: new AbortController().signal,
  });
  return { outcome, evidence: emptyEvidence(t, { registration: outcome.value }) };
}

describe("registration source", () => {
  it(".com: registry RDAP plus registrar referral names the registrar, IANA ID and abuse e-mail and phone", async () => {
    const { ctx, rdap } = await world();
    const { outcome, evidence } = await gather(ctx, "example.com");
    expect(outcome.status).toBe("ok");
    expect(outcome.errors).toEqual([]);
    const reg = outcome.value?.registration;
    expect(reg).toMatchObject({
      source: "rdap",
      server: `${rdap.url}/verisign/com/v1/`,
      registrar: { name: "MarkMonitor Inc.", ianaId: "292", url: "https://www.markmonitor.com/" },
      registry: "VeriSign Global Registry Services",
      dnssec: true,
      abuse: { email: "abusecomplaints@markmonitor.com", phone: "+1.2086851750", url: null },
    });
    const registrar = detectRegistrar(evidence);
    expect(registrar?.name).toBe("MarkMonitor Inc.");
    expect(registrar?.confidence).toBe("high");
    expect(registrar?.evidence[0]).toBe(
      `RDAP ${new URL(rdap.url).host}: registrar entity, IANA ID 292`,
    );
    expect(registrar?.abuse.email).toBe("abusecomplaints@markmonitor.com");
    const host = new URL(rdap.url).host;
    expect(registrar?.abuseSource).toEqual({ kind: "registrar-rdap", servers: [host, host] });
    expect(detectRegistry(evidence)?.name).toBe("VeriSign Global Registry Services");
  });

  it("a failed registrar lookup keeps the registry data and says why", async () => {
    const { ctx, rdap } = await world();
    rdap.route("/registrar/rdap/domain/EXAMPLE.COM", { status: 500, body: "" });
    const { outcome } = await gather(ctx, "example.com");
    expect(outcome.status).toBe("ok");
    // The contact is the registry's copy alone.
    expect(outcome.value?.registrarServer).toBeNull();
    expect(outcome.value?.registration.registrar?.name).toBe("MarkMonitor Inc.");
    expect(outcome.value?.registration.abuse?.email).toBe("abusecomplaints@markmonitor.com");
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        source: "rdap",
        code: "HTTP_STATUS",
        message: expect.stringMatching(/^registrar RDAP/),
        severity: "warning",
      }),
    ]);
  });

  it("404 at the registry is an empty outcome with NOT_FOUND", async () => {
    const { ctx } = await world();
    const { outcome } = await gather(ctx, "nope.com");
    expect(outcome.status).toBe("empty");
    expect(outcome.errors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });

  it(".de has no RDAP: WHOIS via IANA's referral, DENIC format, registry from IANA", async () => {
    const { ctx, denic, iana } = await world();
    const { outcome, evidence } = await gather(ctx, "beispiel.de");
    expect(outcome.status).toBe("ok");
    expect(outcome.errors).toEqual([]);
    expect(outcome.value?.registration).toMatchObject({
      source: "whois",
      server: denic.server,
      registrar: null,
      registry: "DENIC eG",
      status: ["connect"],
      nameservers: ["ns1.beispiel.de", "ns2.provider.example"],
      updated: "2018-03-12T20:44:25.000Z",
      registrant: null,
    });
    expect(detectRegistry(evidence)?.evidence[0]).toBe(
      "IANA root zone database: .de operated by DENIC eG",
    );
    // DENIC names no registrar and no abuse contact: the ccTLD manager, as IANA lists it, is
    // where to escalate.
    expect(detectRegistry(evidence)?.abuse).toEqual({
      email: "dbs@denic.de",
      phone: "+49 69 27235 270",
      url: "http://www.denic.de/",
    });
    expect(detectRegistry(evidence)?.evidence).toContain(
      "IANA root zone database: the .de manager's administrative contact dbs@denic.de",
    );
    expect(detectRegistrar(evidence)).toBeNull();
    // IANA is asked about .de once per run.
    await gather(ctx, "frei.de");
    expect(iana.queries.filter((q) => q === "de")).toHaveLength(1);
  });

  it("a WHOIS answer cut at the size cap is parsed from its start and said TRUNCATED", async () => {
    const { ctx } = await world();
    const { outcome } = await gather(ctx, "lang.de");
    expect(outcome.status).toBe("ok");
    expect(outcome.value?.registration.nameservers).toEqual([
      "ns1.beispiel.de",
      "ns2.provider.example",
    ]);
    expect(outcome.errors).toEqual([
      {
        source: "whois",
        code: "TRUNCATED",
        severity: "warning",
        message: expect.stringMatching(/answer cut after 262144 characters/),
      },
    ]);
  });

  it("DENIC 'Status: free' is NOT_FOUND; a throttled answer is RATE_LIMITED", async () => {
    const { ctx } = await world();
    const free = await gather(ctx, "frei.de");
    expect(free.outcome.status).toBe("empty");
    expect(free.outcome.errors.map((e) => [e.source, e.code])).toEqual([["whois", "NOT_FOUND"]]);
    const busy = await gather(ctx, "busy.de");
    expect(busy.outcome.status).toBe("error");
    expect(busy.outcome.errors.map((e) => e.code)).toEqual(["RATE_LIMITED"]);
  });

  it("thin WHOIS registry: follows the registrar referral; privacy proxy named, not reported as the registrant", async () => {
    const { ctx, registrar } = await world();
    const { outcome } = await gather(ctx, "example.thin");
    expect(registrar.queries).toEqual(["example.thin"]);
    expect(outcome.value?.registration).toMatchObject({
      source: "whois",
      registrar: { name: "GoDaddy.com, LLC", ianaId: "146" },
      abuse: { email: "abuse@godaddy.com", phone: "+1.4806242505" },
      registrant: { organization: null, country: "US", privacy: true },
      status: ["clientDeleteProhibited", "clientTransferProhibited"],
      dnssec: false,
      expires: "2030-08-13T04:00:00.000Z",
    });
    expect(outcome.value?.privacyService).toBe("Domains By Proxy, LLC");
    expect(outcome.value?.registrarServer).toBe(registrar.server);
  });

  it("a latin-1 WHOIS server is decoded", async () => {
    const { ctx } = await world();
    const { outcome } = await gather(ctx, "latin.thin");
    expect(outcome.value?.registration.registrant?.organization).toBe("Müller GmbH");
  });

  it("an unreachable IANA WHOIS server is an error entry, not a throw", async () => {
    const rdap = await startFakeRdapServer();
    const ctx = createContext(
      defaultOptions({ rdapBootstrap: rdap.bootstrapUrl, whoisServer: "127.0.0.1:9" }),
      {
        resolver: noDns,
      },
    );
    closers.push(() => ctx.close(), rdap.close);
    const { outcome } = await gather(ctx, "beispiel.de");
    expect(outcome.status).toBe("error");
    expect(outcome.errors.map((e) => [e.source, e.code])).toContainEqual([
      "whois",
      "CONNECTION_REFUSED",
    ]);
  });
});
