// Attribution rules, E-mail: the preferred MX, SPF as support.
import { describe, expect, it } from "vitest";
import { detectEmail, spfIncludes } from "../src/judge/detectors/email.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { dns, net, target } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

describe("email", () => {
  it("reads include: and redirect= from the SPF record only", () => {
    expect(
      spfIncludes([
        "google-site-verification=x",
        "v=spf1 ip4:192.0.2.1 include:_spf.google.com ~include:sendgrid.net redirect=_spf.example.net",
      ]),
    ).toEqual(["_spf.google.com", "sendgrid.net", "_spf.example.net"]);
    expect(spfIncludes(["include:foo.example"])).toEqual([]);
  });

  it("names outbound senders from SPF as supporting evidence only", () => {
    const e = emptyEvidence(T, {
      dns: dns({
        mx: [
          { preference: 10, exchange: "mx.zoho.com" },
          { preference: 20, exchange: "mx2.zoho.com" },
        ],
        txt: ["v=spf1 include:zoho.com include:sendgrid.net ~all"],
      }),
    });
    expect(detectEmail(e)).toMatchObject({
      name: "Zoho Mail",
      confidence: "high",
      evidence: [
        "MX 10 mx.zoho.com",
        "MX 20 mx2.zoho.com",
        "SPF include:zoho.com",
        "SPF also authorises SendGrid (include:sendgrid.net)",
      ],
    });
  });

  it("takes the RDAP abuse contact of MX networks registered to the provider, and no other", () => {
    const mx = dns({ mx: [{ preference: 10, exchange: "mx.zoho.com" }] });
    const zohoNet = net("204.141.33.44", 2639, "ZOHO-AS", "ZOHO Corporation", {
      email: "abuse@zoho-rdap.test",
    });
    const own = detectEmail(
      emptyEvidence(T, { dns: mx, network: { site: [], nameservers: [], mail: [zohoNet] } }),
    );
    expect(own).toMatchObject({
      name: "Zoho Mail",
      asn: 2639,
      abuse: { email: "abuse@zoho-rdap.test" },
      abuseSource: {
        kind: "network-rdap",
        address: "204.141.33.44",
        holder: "ZOHO Corporation",
      },
    });
    // A relay in somebody else's cloud says nothing about where to report Zoho.
    const cloud = net("52.1.2.3", 16509, "AMAZON-AES", "Amazon.com, Inc.", {
      email: "abuse@amazonaws.com",
    });
    const other = detectEmail(
      emptyEvidence(T, { dns: mx, network: { site: [], nameservers: [], mail: [cloud] } }),
    );
    expect(other).toMatchObject({ name: "Zoho Mail", asn: null });
    expect(other?.abuse).toEqual({ email: null, url: null, phone: null });
    expect(other?.abuseSource).toBeUndefined();
  });

  it("decides on the most preferred exchangers: a backup at Google and an SPF include are not Google's mail", () => {
    const bp = { ...net("203.0.113.9", 64511, "BP", "Bulletproof Ltd"), host: "mx.evil.example" };
    const google = {
      ...net("142.250.1.26", 15169, "GOOGLE", "Google LLC"),
      host: "aspmx.l.google.com",
    };
    const p = detectEmail(
      emptyEvidence(T, {
        dns: dns({
          mx: [
            { preference: 50, exchange: "aspmx.l.google.com" },
            { preference: 10, exchange: "mx.evil.example" },
          ],
          txt: ["v=spf1 include:_spf.google.com -all"],
        }),
        network: { site: [], nameservers: [], mail: [bp, google] },
      }),
    );
    // The preferred exchanger's own network, found per host.
    expect(p).toMatchObject({ name: "Bulletproof Ltd", confidence: "medium", asn: 64511 });
    expect(p?.evidence).toContain("also MX 50 aspmx.l.google.com");
    expect(p?.evidence).toContain("SPF also authorises Google Workspace (include:_spf.google.com)");
  });

  it("SPF supports a matched MX but is not a second channel", () => {
    const p = detectEmail(
      emptyEvidence(T, {
        dns: dns({
          mx: [
            { preference: 10, exchange: "aspmx.l.google.com" },
            { preference: 10, exchange: "mx.evil.example" },
          ],
          txt: ["v=spf1 include:_spf.google.com -all"],
        }),
      }),
    );
    expect(p).toMatchObject({ name: "Google Workspace", confidence: "medium" });
    expect(p?.evidence).toEqual([
      "MX 10 aspmx.l.google.com",
      "SPF include:_spf.google.com",
      "also MX 10 mx.evil.example",
    ]);
  });

  it("a null MX (RFC 7505) or SPF alone names no mail provider", () => {
    expect(
      detectEmail(emptyEvidence(T, { dns: dns({ mx: [{ preference: 0, exchange: "." }] }) })),
    ).toBeNull();
    expect(
      detectEmail(emptyEvidence(T, { dns: dns({ txt: ["v=spf1 include:_spf.google.com ~all"] }) })),
    ).toBeNull();
  });
});
