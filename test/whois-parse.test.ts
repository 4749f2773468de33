import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIanaTld, parseWhoisDomain } from "../src/clients/whois/parse.js";
import { decodeWhois, parseServer } from "../src/clients/whois/port43-query.js";
import { whoisFixture } from "./helpers/fake-whois-server.js";

describe("WHOIS parsing", () => {
  it("Verisign thin: registrar, IANA ID, abuse, referral, dates, status without the URL", () => {
    const f = parseWhoisDomain(
      whoisFixture("verisign-thin-example.net.txt", { REGISTRAR_SERVER: "whois.godaddy.com" }),
    );
    expect(f).toMatchObject({
      registrar: "GoDaddy.com, LLC",
      ianaId: "146",
      referral: "whois.godaddy.com",
      abuseEmail: "abuse@godaddy.com",
      abusePhone: "480-624-2505",
      created: "1995-08-14T04:00:00.000Z",
      updated: "2024-08-14T07:01:34.000Z",
      status: ["clientDeleteProhibited", "clientTransferProhibited"],
      nameservers: ["ns1.example.net", "ns2.example.net"],
      dnssec: false,
      notFound: false,
    });
  });

  it("DENIC: Nserver with glue address, Changed with offset, contact sections ignored", () => {
    const f = parseWhoisDomain(whoisFixture("denic-example.de.txt"));
    expect(f.nameservers).toEqual(["ns1.beispiel.de", "ns2.provider.example"]);
    expect(f.status).toEqual(["connect"]);
    expect(f.updated).toBe("2018-03-12T20:44:25.000Z");
    expect(f.registrantOrg).toBeNull();
    expect(parseWhoisDomain(whoisFixture("denic-free.de.txt")).notFound).toBe(true);
    expect(parseWhoisDomain(whoisFixture("denic-throttled.txt")).throttled).toBe(true);
  });

  it("IANA: referral server, operator and administrative contact, in both formats", () => {
    expect(parseIanaTld(whoisFixture("iana-de.txt", { DE_SERVER: "whois.denic.de" }))).toEqual({
      whois: "whois.denic.de",
      organisation: "DENIC eG",
      // The administrative block's, not the technical one's.
      contact: { email: "dbs@denic.de", phone: "+49 69 27235 270", url: "http://www.denic.de/" },
    });
    const old = [
      "domain:       COM",
      "registrant organisation: VeriSign Global Registry Services",
      "contact:      administrative",
      "administrative phone:        +1 703 925-6999",
      "administrative e-mail:       info@verisign-grs.com",
      "contact:      technical",
      "technical e-mail:       tech@verisign-grs.com",
      "whois:        whois.verisign-grs.com",
      "remarks:      Registration information: http://www.verisigninc.com",
    ].join("\n");
    expect(parseIanaTld(old)).toEqual({
      whois: "whois.verisign-grs.com",
      organisation: "VeriSign Global Registry Services",
      contact: {
        email: "info@verisign-grs.com",
        phone: "+1 703 925-6999",
        url: "http://www.verisigninc.com/",
      },
    });
    // Hostile values are dropped, not passed on.
    const hostile =
      "contact: administrative\ne-mail: <script>@x\nphone: call me\nremarks: Registration information: javascript:alert(1)\n";
    expect(parseIanaTld(hostile).contact).toBeNull();
    expect(parseIanaTld("refer: evil host; rm -rf\n").whois).toBeNull();
  });

  it("nameservers listed as an indented block under their own heading (Nominet, SIDN, EURid, .it)", () => {
    const nominet = [
      "    Domain name:",
      "        example.uk",
      "",
      "    Name servers:",
      "        ns1.example-dns.net",
      "        NS2.EXAMPLE-DNS.NET.",
      "",
      "    WHOIS lookup made at 09:42:27 12-Oct-2019",
    ].join("\n");
    expect(parseWhoisDomain(nominet).nameservers).toEqual([
      "ns1.example-dns.net",
      "ns2.example-dns.net",
    ]);
    const sidn =
      "Domain name: example.nl\nDomain nameservers:\n   ns1.host.nl\n   ns2.host.eu\n\nCreation Date: 1998-02-20\n";
    expect(parseWhoisDomain(sidn).nameservers).toEqual(["ns1.host.nl", "ns2.host.eu"]);
    const eurid =
      "Name servers:\n        ns1.example.eu (192.0.2.53)\n        ns1.example.eu (2001:db8::53)\n        nsx.example.eu (192.0.2.54)\n\nKeys:\n";
    expect(parseWhoisDomain(eurid).nameservers).toEqual(["ns1.example.eu", "nsx.example.eu"]);
    const it =
      "Domain:             example.it\n\nNameservers\n  ns1.example.it\n  ns2.example.it\n";
    expect(parseWhoisDomain(it).nameservers).toEqual(["ns1.example.it", "ns2.example.it"]);
  });

  it("charset: UTF-8 when valid, latin-1 otherwise; server specs with ports", () => {
    expect(decodeWhois(Buffer.from("Müller", "utf8"))).toBe("Müller");
    expect(decodeWhois(Buffer.from("Müller", "latin1"))).toBe("Müller");
    expect(parseServer("whois.iana.org")).toEqual({ host: "whois.iana.org", port: 43 });
    expect(parseServer("127.0.0.1:4343")).toEqual({ host: "127.0.0.1", port: 4343 });
    expect(parseServer("[::1]:4343")).toEqual({ host: "::1", port: 4343 });
  });

  it("hostile text never throws and control characters are removed", () => {
    const f = parseWhoisDomain(
      "Registrar: Evil\u001b[2J Corp\r\nRegistrar Abuse Contact Email: <script>@x\n".repeat(3),
    );
    expect(f.registrar).toBe("Evil [2J Corp");
    expect(f.abuseEmail).toBeNull();
    expect(() => parseWhoisDomain("\u0000".repeat(10000))).not.toThrow();
  });
});

describe("WHOIS parsing: any text", () => {
  it("never throws; dates are ISO or null; nameservers are host names", () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        "",
        "Registrar:",
        "Name servers:",
        "[Holder]",
        "Nameservers",
        "** Registrant:",
      ),
      fc
        .tuple(
          fc.constantFrom("created", "changed", "Registrar", "nserver", "Expiry Date", "[State]"),
          fc.string({ maxLength: 40 }),
        )
        .map(([k, v]) => `${k}: ${v}`),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.constantFrom(undefined, "example.hk"),
        (lines, domain) => {
          const f = parseWhoisDomain(lines.join("\n"), domain);
          for (const d of [f.created, f.updated, f.expires]) {
            expect(d === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(d)).toBe(
              true,
            );
          }
          for (const n of f.nameservers) expect(n).toMatch(/^[a-z0-9.-]+\.[a-z0-9-]+$/);
        },
      ),
    );
  });

  it("huge and pathological answers are bounded: long lines, many lines, runs of separators", () => {
    const hostile = [
      `Registrar: ${"a".repeat(200_000)}`,
      `${"x.".repeat(50_000)}: y`,
      `created${".".repeat(100_000)}: 2020-01-01`,
      "Name servers:",
      ...Array.from({ length: 20_000 }, (_, i) => `  ns${i}.example.net`),
    ].join("\n");
    const f = parseWhoisDomain(hostile, "example.net");
    expect(f.registrar?.length).toBeLessThanOrEqual(300);
    expect(f.nameservers.length).toBeLessThanOrEqual(20);
  });
});
