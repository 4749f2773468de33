import { describe, expect, it } from "vitest";
import { decodeDomain } from "../src/clients/rdap/decode-domain.js";
import { decodeNetwork } from "../src/clients/rdap/decode-network.js";
import { mergeFacts } from "../src/clients/rdap/domain-lookup.js";
import { rdapFixture } from "./helpers/fake-rdap-server.js";

const BASE = "https://rdap.test";

describe("RDAP domain decoding", () => {
  it("registry: registrar name, IANA ID, abuse nested under the registrar (tel: uri)", () => {
    const f = decodeDomain(rdapFixture("verisign-domain-example.com.json", BASE));
    expect(f.registrar).toEqual({ name: "MarkMonitor Inc.", ianaId: "292", url: null });
    expect(f.abuse).toEqual({
      email: "abusecomplaints@markmonitor.com",
      phone: "+1.2086851750",
      url: null,
    });
    expect(f.created).toBe("1995-08-14T04:00:00.000Z");
    expect(f.updated).toBe("2024-08-14T07:01:34.000Z");
    expect(f.expires).toBe("2030-08-13T04:00:00.000Z");
    expect(f.nameservers).toEqual(["a.iana-servers.net", "b.iana-servers.net"]);
    expect(f.dnssec).toBe(true);
    // The text/html "related" link is skipped, the RDAP one kept.
    expect(f.related).toEqual([`${BASE}/registrar/rdap/domain/EXAMPLE.COM`]);
  });

  it("referral merge: registrar adds URL and registrant; registry keeps dates and IANA ID", () => {
    const registry = decodeDomain(rdapFixture("verisign-domain-example.com.json", BASE));
    const registrar = decodeDomain(rdapFixture("registrar-domain-example.com.json", BASE));
    const m = mergeFacts(registry, registrar);
    expect(m.registrar).toEqual({
      name: "MarkMonitor Inc.",
      ianaId: "292",
      url: "https://www.markmonitor.com/",
    });
    // Control characters in registry data are removed.
    expect(m.registrant).toEqual({ organization: "Example Corp [31m", country: "US" });
    expect(m.created).toBe("1995-08-14T04:00:00.000Z");
    expect(m.abuse?.email).toBe("abusecomplaints@markmonitor.com");
  });

  it("redaction placeholders are not names; a privacy service is named as such", () => {
    const f = decodeDomain(rdapFixture("registrar-domain-private.com.json", BASE));
    expect(f.registrant).toEqual({ organization: null, country: "IS", privacy: true });
    expect(f.privacyService).toBe("Withheld for Privacy ehf");
    // Abuse nested two levels deep under the registrar; no vcardArray on the registrar.
    expect(f.abuse?.email).toBe("abuse@namecheap.example");
    expect(f.registrar).toEqual({ name: null, ianaId: "1068", url: null });
  });

  it("members of the wrong type become warnings, never a crash", () => {
    const f = decodeDomain(rdapFixture("registrar-domain-private.com.json", BASE));
    expect(f.status).toEqual([]);
    expect(f.dnssec).toBeNull();
    expect(f.warnings.join(" ")).toMatch(/status.*not an array/);
    for (const junk of [
      null,
      42,
      "x",
      [],
      { entities: "x", events: [1, null], nameservers: [{}] },
    ]) {
      expect(() => decodeDomain(junk)).not.toThrow();
    }
  });

  it("keeps at most 20 nameservers from an answer that lists thousands", () => {
    const nameservers = Array.from({ length: 5000 }, (_, i) => ({ ldhName: `ns${i}.example.net` }));
    expect(decodeDomain({ objectClassName: "domain", nameservers }).nameservers).toHaveLength(20);
  });
});

describe("RDAP network decoding: where each RIR puts the abuse contact", () => {
  it("ARIN nests the abuse POC under the registrant organisation", () => {
    const n = decodeNetwork(rdapFixture("arin-ip-104.16.0.0.json", BASE));
    expect(n).toMatchObject({
      handle: "NET-104-16-0-0-1",
      name: "CLOUDFLARENET",
      cidr: "104.16.0.0/12",
      org: "Cloudflare, Inc.",
      originAsns: [13335],
      abuse: { email: "abuse@cloudflare.com", phone: "+1-650-319-8930", url: null },
    });
  });

  it("RIPE: top-level abuse-c, the address typed 'abuse' first; entities without vCards", () => {
    const n = decodeNetwork(rdapFixture("ripe-ip-130.59.0.0.json", BASE));
    expect(n.abuse?.email).toBe("abuse@switch.ch");
    expect(n.country).toBe("CH");
    expect(n.org).toBeNull();
    expect(n.cidr).toBe("130.59.0.0/16");
  });

  it("APNIC: the IRT object, preferring the pref=1 address; fax is not a phone", () => {
    const n = decodeNetwork(rdapFixture("apnic-ip-1.1.1.0.json", BASE));
    expect(n.abuse?.email).toBe("abuse@apnic.net");
    expect(n.org).toBe("APNIC Research and Development");
  });

  it("AFRINIC: no abuse role, the address from the remarks", () => {
    const n = decodeNetwork(rdapFixture("afrinic-ip-196.11.239.0.json", BASE));
    expect(n.abuse).toEqual({ email: "abuse@mtnbusiness.co.za", phone: null, url: null });
    expect(n.cidr).toBeNull(); // 196.11.239.0–196.11.246.255 is no single CIDR
  });

  it("zero-padded old ARIN addresses are read as decimal", () => {
    const n = decodeNetwork({ startAddress: "074.125.000.000", endAddress: "074.125.255.255" });
    expect(n.cidr).toBe("74.125.0.0/16");
  });
});
