// Attribution rules, Registry: the TLD's operator and its escalation channel.
import { describe, expect, it } from "vitest";
import { detectRegistry } from "../src/judge/detectors/registry.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { registration, target } from "./fixtures/stacks/build.js";

const _T = target("www.example.org");

describe("registry", () => {
  const IANA_ADMIN = {
    email: "admin@nic.example",
    phone: "+1 555 0100",
    url: "http://nic.example/",
  };
  const withRegistry = (domain: string, registryAbuse: { email: string } | null) =>
    emptyEvidence(target(domain), {
      registration: registration({
        source: "whois",
        server: "whois.nic.example",
        registrar: null,
        registry: "Example Registry",
        registryAbuse,
        tldContact: IANA_ADMIN,
      }),
    });

  it("a ccTLD's escalation contact is its manager's, as IANA's root zone database lists it", () => {
    expect(detectRegistry(withRegistry("example.de", null))?.abuse).toEqual(IANA_ADMIN);
  });

  it("the registry's own published abuse contact comes first", () => {
    const p = detectRegistry(withRegistry("example.de", { email: "abuse@nic.example" }));
    expect(p?.abuse).toEqual({ email: "abuse@nic.example", url: null, phone: null });
    expect(p?.evidence).toContain("WHOIS: the registry's abuse contact abuse@nic.example");
  });

  it("a gTLD registry is not where abuse goes: IANA's administrative contact is not offered", () => {
    expect(detectRegistry(withRegistry("example.com", null))?.abuse).toEqual({
      email: null,
      url: null,
      phone: null,
    });
  });
});
