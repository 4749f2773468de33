import { Agent, type Dispatcher } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createDiskCache } from "../src/clients/cache/disk-cache.js";
import { guardedLookup, ReferralGuard } from "../src/clients/net/referral-guard.js";
import { resolverLookup } from "../src/clients/net/resolver-lookup.js";
import { lookupDomainRdap } from "../src/clients/rdap/domain-lookup.js";
import { RdapClient } from "../src/clients/rdap/rdap-client.js";
import { ServerLimiter } from "../src/clients/rdap/server-limiter.js";
import { lookupDomainWhois } from "../src/clients/whois/domain-lookup.js";
import { WhoisClient } from "../src/clients/whois/whois-client.js";
import { defaultOptions } from "../src/scan/options.js";
import {
  type FakeRdapServer,
  rdapFixture,
  startFakeRdapServer,
} from "./helpers/fake-rdap-server.js";
import { startFakeWhoisServer, whoisFixture } from "./helpers/fake-whois-server.js";
import { tableResolver } from "./helpers/probe-harness.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.allSettled(closers.splice(0).map((c) => c()));
});

// An Agent that records the origin of every request it is asked to send.
class RecordingAgent extends Agent {
  readonly origins: string[] = [];
  override dispatch(
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    this.origins.push(String(opts.origin));
    return super.dispatch(opts, handler);
  }
}

/** The registry's example.com answer with its registrar link pointing at `link`. */
function registryPointingAt(fake: FakeRdapServer, link: string) {
  const doc = rdapFixture("verisign-domain-example.com.json", fake.url) as {
    links: { rel: string; type?: string; href: string; value: string }[];
  };
  for (const l of doc.links)
    if (l.type === "application/rdap+json" && l.rel === "related") {
      l.href = link;
    }
  fake.route("/verisign/com/v1/domain/example.com", { body: doc });
}

async function rdapWorld(opts: { allowPrivate?: boolean; table?: Record<string, string[]> } = {}) {
  const fake = await startFakeRdapServer();
  const resolver = tableResolver(opts.table ?? {});
  const agent = new RecordingAgent({
    connect: { timeout: 1000, lookup: resolverLookup(resolver) },
  });
  const client = new RdapClient(
    defaultOptions({
      rdapBootstrap: fake.bootstrapUrl,
      timeoutMs: 1000,
      allowPrivate: opts.allowPrivate ?? false,
    }),
    {
      cache: createDiskCache(null),
      log: () => {},
      now: () => Date.now(),
      dispatcher: agent,
      resolver,
    },
  );
  closers.push(
    () => client.close(),
    () => fake.close(),
  );
  return { fake, client, agent };
}

describe("RDAP referrals and the private-address guard", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/rdap/domain/EXAMPLE.COM",
    "http://[::1]:8080/domain/EXAMPLE.COM",
  ])(
    "a registrar link to %s is refused before any connection; the registry data is kept",
    async (link) => {
      const { fake, client, agent } = await rdapWorld();
      registryPointingAt(fake, link);
      const res = await lookupDomainRdap(client, "example.com");
      expect(res.kind).toBe("ok");
      if (res.kind === "ok") expect(res.facts.registrar?.name).toBe("MarkMonitor Inc.");
      expect(res.errors).toEqual([
        expect.objectContaining({
          source: "rdap",
          code: "PRIVATE_ADDRESS",
          message: expect.stringMatching(/^registrar RDAP: refusing referral/),
          // The registry answered: the registrar's record is not needed for the profile.
          severity: "warning",
        }),
      ]);
      const host = new URL(link).host;
      expect(agent.origins.some((o) => o.includes(host))).toBe(false);
      expect(res.attempts.some((a) => a.url === link)).toBe(false);
    },
  );

  it("a registrar link whose name resolves (with hostscan's resolver) to loopback is refused", async () => {
    const { fake, client, agent } = await rdapWorld({
      table: { "rdap.registrar.test": ["127.0.0.1"] },
    });
    const port = new URL(fake.url).port;
    registryPointingAt(
      fake,
      `http://rdap.registrar.test:${port}/registrar/rdap/domain/EXAMPLE.COM`,
    );
    const res = await lookupDomainRdap(client, "example.com");
    expect(res.errors.map((e) => e.code)).toEqual(["PRIVATE_ADDRESS"]);
    expect(res.errors[0]?.message).toMatch(/rdap\.registrar\.test \(127\.0\.0\.1\): loopback/);
    expect(agent.origins.some((o) => o.includes("registrar.test"))).toBe(false);
    expect(fake.count("/registrar/")).toBe(0);
  });

  it("control: with allowPrivate the same named registrar link is followed and merged", async () => {
    const { fake, client } = await rdapWorld({
      allowPrivate: true,
      table: { "rdap.registrar.test": ["127.0.0.1"] },
    });
    const port = new URL(fake.url).port;
    registryPointingAt(
      fake,
      `http://rdap.registrar.test:${port}/registrar/rdap/domain/EXAMPLE.COM`,
    );
    const res = await lookupDomainRdap(client, "example.com");
    expect(res.errors).toEqual([]);
    expect(res.kind === "ok" && res.registrarServer).toMatch(/^http:\/\/rdap\.registrar\.test:/);
    expect(fake.count("/registrar/rdap/domain/EXAMPLE.COM")).toBe(1);
  });

  it("a registrar link on the trusted bootstrap host is followed (any port)", async () => {
    const { fake, client } = await rdapWorld();
    const res = await lookupDomainRdap(client, "example.com");
    expect(res.errors).toEqual([]);
    expect(fake.count("/registrar/rdap/domain/EXAMPLE.COM")).toBe(1);
  });

  it("an HTTP redirect to a link-local address is not followed; the registry data is kept", async () => {
    const { fake, client, agent } = await rdapWorld();
    fake.route("/registrar/rdap/domain/EXAMPLE.COM", {
      status: 302,
      headers: { location: "http://169.254.169.254/latest/meta-data/" },
      body: "",
    });
    const res = await lookupDomainRdap(client, "example.com");
    expect(res.kind).toBe("ok");
    expect(res.errors).toEqual([
      expect.objectContaining({ source: "rdap", code: "PRIVATE_ADDRESS" }),
    ]);
    expect(agent.origins.some((o) => o.includes("169.254"))).toBe(false);
    expect(res.attempts.at(-1)).toMatchObject({
      status: 302,
      error: expect.stringMatching(/^PRIVATE_ADDRESS/),
    });
  });
});

async function whoisWorld(referral: string, table: Record<string, string[]> = {}) {
  const thin = await startFakeWhoisServer({
    "example.thin": whoisFixture("verisign-thin-example.net.txt", { REGISTRAR_SERVER: referral }),
  });
  const iana = await startFakeWhoisServer({
    thin: whoisFixture("iana-com.txt", { COM_SERVER: thin.server }),
  });
  const resolver = tableResolver(table);
  const client = new WhoisClient(
    { ianaServer: iana.server, timeoutMs: 1000, maxBytes: 64 * 1024 },
    {
      limiter: new ServerLimiter(2, () => Date.now()),
      cache: createDiskCache(null),
      now: () => Date.now(),
      resolver,
    },
  );
  closers.push(thin.close, iana.close);
  return { client, thin, resolver };
}

describe("WHOIS referrals and the private-address guard", () => {
  it.each(["10.0.0.1", "169.254.169.254:80"])(
    "a 'Registrar WHOIS Server: %s' is refused with PRIVATE_ADDRESS; the registry data is kept",
    async (referral) => {
      const { client } = await whoisWorld(referral);
      const res = await lookupDomainWhois(client, "example.thin");
      expect(res.kind).toBe("ok");
      if (res.kind === "ok") expect(res.facts.registrar).toBe("GoDaddy.com, LLC");
      expect(res.errors).toEqual([
        expect.objectContaining({
          source: "whois",
          code: "PRIVATE_ADDRESS",
          message: expect.stringMatching(/^registrar WHOIS: refusing referral/),
          severity: "warning",
        }),
      ]);
    },
  );

  it("a referral name resolving to loopback is refused (hostscan's resolver is asked)", async () => {
    const { client, resolver } = await whoisWorld("whois.registrar.test", {
      "whois.registrar.test": ["127.0.0.1"],
    });
    const res = await lookupDomainWhois(client, "example.thin");
    expect(res.errors.map((e) => e.code)).toEqual(["PRIVATE_ADDRESS"]);
    expect(resolver.asked).toContain("A whois.registrar.test");
  });

  it("a referral to a public host on a port other than 43 is not followed", async () => {
    const { client } = await whoisWorld("whois.registrar.test:4343", {
      "whois.registrar.test": ["93.184.216.34"],
    });
    const res = await lookupDomainWhois(client, "example.thin");
    expect(res.kind).toBe("ok");
    expect(res.errors).toEqual([
      expect.objectContaining({ code: "BAD_RESPONSE", message: expect.stringMatching(/port 43/) }),
    ]);
  });

  it("a referral on the trusted host (the servers IANA named) is followed on any port", async () => {
    const registrar = await startFakeWhoisServer({
      "example.thin": whoisFixture("registrar-example.net.txt"),
    });
    closers.push(registrar.close);
    const { client } = await whoisWorld(registrar.server);
    const res = await lookupDomainWhois(client, "example.thin");
    expect(res.errors).toEqual([]);
    expect(registrar.queries).toEqual(["example.thin"]);
  });
});

describe("guarded lookup (second line of defence at connect time)", () => {
  const resolver = tableResolver({ "evil.test": ["127.0.0.1"], "trusted.test": ["127.0.0.1"] });
  const guard = new ReferralGuard({
    allowPrivate: false,
    resolve: async () => [],
  });
  guard.trust("trusted.test");
  const lookup = guardedLookup(resolverLookup(resolver), guard);
  const ask = (host: string) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup(host, {}, (err, address) => resolve({ err, address })),
    );

  it("drops special-use addresses of an untrusted name: PRIVATE_ADDRESS at connect time", async () => {
    const { err } = await ask("evil.test");
    expect((err as { code?: string } | null)?.code).toBe("PRIVATE_ADDRESS");
  });

  it("leaves a trusted host's addresses alone", async () => {
    expect(await ask("trusted.test")).toEqual({ err: null, address: "127.0.0.1" });
  });
});
