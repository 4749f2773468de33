// The registration source asks once per registrable domain per run, and forgets failures.
import { afterEach, describe, expect, it } from "vitest";
import { createContext } from "../src/scan/context.js";
import { defaultOptions } from "../src/scan/options.js";
import type { Target } from "../src/scan/targets/types.js";
import { registrationSource } from "../src/sources/registration.js";
import { startFakeRdapServer } from "./helpers/fake-rdap-server.js";
import { startFakeWhoisServer, whoisFixture } from "./helpers/fake-whois-server.js";
import { tableResolver } from "./helpers/table-resolver.js";

// Every name is NXDOMAIN: these tests are about registration, not DNS.
const noDns = tableResolver({});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.allSettled(closers.splice(0).map((c) => c()));
});

const target = (host: string): Target => ({ input: host, host, domain: "example.com", url: null });

async function setup() {
  const rdap = await startFakeRdapServer();
  const iana = await startFakeWhoisServer({ com: whoisFixture("iana-com.txt") });
  const ctx = createContext(
    defaultOptions({
      rdapBootstrap: rdap.bootstrapUrl,
      whoisServer: iana.server,
      timeoutMs: 2000,
    }),
    { resolver: noDns },
  );
  closers.push(
    () => ctx.close(),
    () => rdap.close(),
    () => iana.close(),
  );
  return { rdap, ctx };
}

describe("registration per registrable domain", () => {
  it("asks the registry once for www.example.com and api.example.com, at once or later", async () => {
    const { rdap, ctx } = await setup();
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([
      registrationSource.gather(ctx, { target: target("www.example.com"), dns: null, signal }),
      registrationSource.gather(ctx, { target: target("api.example.com"), dns: null, signal }),
    ]);
    const c = await registrationSource.gather(ctx, {
      target: target("example.com"),
      dns: null,
      signal,
    });
    expect([a.status, b.status, c.status]).toEqual(["ok", "ok", "ok"]);
    expect(a.errors).toEqual([]);
    expect(c.value?.registration.registrar?.ianaId).toBe(a.value?.registration.registrar?.ianaId);
    expect(rdap.count("/verisign/com/v1/domain/")).toBe(1);
  });

  it("does not remember a lookup that failed: the next target asks again", async () => {
    const { rdap, ctx } = await setup();
    const aborted = AbortSignal.abort();
    const first = await registrationSource.gather(ctx, {
      target: target("www.example.com"),
      dns: null,
      signal: aborted,
    });
    expect(first.status).toBe("error");
    const second = await registrationSource.gather(ctx, {
      target: target("api.example.com"),
      dns: null,
      signal: new AbortController().signal,
    });
    expect(second.status).toBe("ok");
    expect(rdap.count("/verisign/com/v1/domain/")).toBe(1);
  });
});
