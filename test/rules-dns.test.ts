// Attribution rules, DNS host: nameservers, the zone's and the registry's.
import { describe, expect, it } from "vitest";
import { detectCdn } from "../src/judge/detectors/cdn.js";
import { detectDns } from "../src/judge/detectors/dns.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { dns, registration, target } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

describe("dns", () => {
  it("Cloudflare DNS is reported without Cloudflare as proxy", () => {
    const e = emptyEvidence(T, {
      dns: dns({ ns: ["kyle.ns.cloudflare.com", "june.ns.cloudflare.com"] }),
    });
    expect(detectDns(e)).toMatchObject({ name: "Cloudflare", confidence: "high" });
    expect(detectCdn(e)).toBeNull();
  });

  it("a split delegation is medium and names the other nameservers", () => {
    const e = emptyEvidence(T, { dns: dns({ ns: ["kyle.ns.cloudflare.com", "ns1.example.net"] }) });
    expect(detectDns(e)).toMatchObject({
      name: "Cloudflare",
      confidence: "medium",
      evidence: [
        "NS kyle.ns.cloudflare.com, a name under ns.cloudflare.com",
        "also NS ns1.example.net",
      ],
    });
  });

  it("uses the registry's nameservers when the DNS answer has none", () => {
    const e = emptyEvidence(T);
    e.registration = {
      registration: {
        source: "rdap",
        server: null,
        registrar: null,
        registry: null,
        created: null,
        updated: null,
        expires: null,
        status: [],
        nameservers: ["ns1.digitalocean.com"],
        dnssec: null,
        registrant: null,
        abuse: null,
      },
      registryAbuse: null,
      privacyService: null,
      tldContact: null,
      registrarServer: null,
    };
    expect(detectDns(e)).toMatchObject({
      name: "DigitalOcean",
      evidence: ["registry NS ns1.digitalocean.com, a name under digitalocean.com"],
    });
  });
});

describe("dns: the registry's delegation against the zone's own NS records", () => {
  const withDelegation = (delegated: string[], child: string[]) => {
    const reg = registration({ server: "https://rdap.example/", registrar: "R", registry: "Reg" });
    reg.registration.nameservers = delegated;
    return emptyEvidence(target("www.example.org", "example.org"), {
      dns: { ...dns({ ns: child }), zone: "example.org" },
      registration: reg,
    });
  };

  it("names the delegated host when the zone claims somebody else's nameservers", () => {
    const p = detectDns(
      withDelegation(
        ["ns1.digitalocean.com", "ns2.digitalocean.com"],
        ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "DigitalOcean", confidence: "medium" });
    expect(p?.evidence).toContain(
      "the zone's own NS records also name adam.ns.cloudflare.com, bella.ns.cloudflare.com, which the registry does not delegate to",
    );
  });

  it("names nobody when the delegated servers are unknown and the zone claims a catalogued host", () => {
    expect(
      detectDns(
        withDelegation(
          ["ns1.bulletproof.example", "ns2.bulletproof.example"],
          ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
        ),
      ),
    ).toBeNull();
  });

  it("a sub-zone's own nameservers are one signal, with the registry's delegation beside them", () => {
    const reg = registration({ server: "https://rdap.example/", registrar: "R", registry: "Reg" });
    reg.registration.nameservers = ["ns1.bp.example", "ns2.bp.example"];
    const p = detectDns(
      emptyEvidence(target("login.secure.example.org", "example.org"), {
        dns: {
          ...dns({ ns: ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"] }),
          zone: "secure.example.org",
        },
        registration: reg,
      }),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "medium" });
    expect(p?.evidence).toContain(
      "the registry delegates example.org to ns1.bp.example, ns2.bp.example",
    );
  });

  it("names repeated in another case count once", () => {
    const p = detectDns(
      withDelegation(
        ["adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
        ["ADAM.NS.CLOUDFLARE.COM", "adam.ns.cloudflare.com", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "high" });
  });

  it("agreeing sets (any case, trailing dot) are decisive as before", () => {
    const p = detectDns(
      withDelegation(
        ["ADAM.NS.CLOUDFLARE.COM", "bella.ns.cloudflare.com"],
        ["adam.ns.cloudflare.com.", "bella.ns.cloudflare.com"],
      ),
    );
    expect(p).toMatchObject({ name: "Cloudflare", confidence: "high" });
    expect(p?.evidence[0]).toBe("NS adam.ns.cloudflare.com, a name under ns.cloudflare.com");
  });
});
