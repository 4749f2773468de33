// RDAP quirks found on real answers (issue 12). Each document is trimmed from a real answer;
// the origin is given above it.
import { describe, expect, it } from "vitest";
import { decodeDomain } from "../src/clients/rdap/decode-domain.js";
import { decodeAutnum, decodeNetwork, rangeToCidrs } from "../src/clients/rdap/decode-network.js";
import { mergeFacts } from "../src/clients/rdap/domain-lookup.js";

const vcard = (fn: string, kind: string) => [
  "vcard",
  [
    ["version", {}, "text", "4.0"],
    ["fn", {}, "text", fn],
    ["kind", {}, "text", kind],
  ],
];

describe("RDAP quirks", () => {
  it("RIPE: mnt-by maintainers are registrants of kind individual; the owner is the org", () => {
    // rdap.db.ripe.net writes every mnt-by as a "registrant" entity (vCard kind "individual",
    // fn = the maintainer handle) beside the organisation (kind "org"), sorted by handle: an
    // object maintained by ALOJALIA-MNT lists it before its ORG-… entity. Shape from RIPE's
    // answer for 130.59.0.0/16 (ORG-SG2-RIPE, RIPE-NCC-LEGACY-MNT, SWITCH-MNT, abuse-c).
    const entities = [
      {
        handle: "ALOJALIA-MNT",
        roles: ["registrant"],
        vcardArray: vcard("ALOJALIA-MNT", "individual"),
      },
      { handle: "ORG-SG2-RIPE", roles: ["registrant"], vcardArray: vcard("SWITCH", "org") },
      {
        handle: "RIPE-NCC-LEGACY-MNT",
        roles: ["registrant"],
        vcardArray: vcard("RIPE-NCC-LEGACY-MNT", "individual"),
      },
      { handle: "SNOC1-RIPE", roles: ["technical", "administrative"] },
    ];
    expect(
      decodeNetwork({ startAddress: "130.59.0.0", endAddress: "130.59.255.255", entities }).org,
    ).toBe("SWITCH");
    expect(decodeNetwork({ entities: [...entities].reverse() }).org).toBe("SWITCH");
    expect(decodeAutnum({ handle: "AS559", entities }).org).toBe("SWITCH");
    // Maintainers alone own nothing.
    expect(decodeAutnum({ entities: [entities[0], entities[2]] }).org).toBeNull();
  });

  it("RIPE: startAddress and endAddress written with a /32 suffix", () => {
    // github.com/secynic/ipwhois ipwhois/tests/rdap.json, key 62.239.237.1, commit b8c79c4e.
    const n = decodeNetwork({
      objectClassName: "ip network",
      handle: "62.239.237.0 - 62.239.237.255",
      startAddress: "62.239.237.0/32",
      endAddress: "62.239.237.255/32",
      ipVersion: "v4",
      name: "BT-CORPORATE",
      country: "GB",
    });
    expect(n).toMatchObject({
      startAddress: "62.239.237.0",
      endAddress: "62.239.237.255",
      cidr: "62.239.237.0/24",
      cidrs: ["62.239.237.0/24"],
      name: "BT-CORPORATE",
    });
  });

  it("ARIN: a range that spans several CIDRs reports every one", () => {
    // github.com/meeb/whoisit tests/data_rdap_response_ip_v4_3.json (NET-13-64-0-0-1, MSFT),
    // commit 54529e14.
    const doc = {
      handle: "NET-13-64-0-0-1",
      startAddress: "13.64.0.0",
      endAddress: "13.107.255.255",
      name: "MSFT",
      cidr0_cidrs: [
        { v4prefix: "13.64.0.0", length: 11 },
        { v4prefix: "13.96.0.0", length: 13 },
        { v4prefix: "13.104.0.0", length: 14 },
      ],
      entities: [
        {
          handle: "MSFT",
          roles: ["registrant"],
          vcardArray: vcard("Microsoft Corporation", "org"),
        },
      ],
    };
    const all = ["13.64.0.0/11", "13.96.0.0/13", "13.104.0.0/14"];
    expect(decodeNetwork(doc)).toMatchObject({
      cidr: null,
      cidrs: all,
      org: "Microsoft Corporation",
    });
    // Without the cidr0 extension the same three come from the range itself.
    expect(decodeNetwork({ ...doc, cidr0_cidrs: undefined }).cidrs).toEqual(all);
    expect(rangeToCidrs("196.11.239.0", "196.11.246.255")).toEqual([
      "196.11.239.0/24",
      "196.11.240.0/22",
      "196.11.244.0/23",
      "196.11.246.0/24",
    ]);
    expect(rangeToCidrs("2001:db8::", "2001:db8::ffff:ffff:ffff:ffff")).toEqual(["2001:db8::/64"]);
    expect(rangeToCidrs("0.0.0.0", "255.255.255.255")).toEqual(["0.0.0.0/0"]);
    expect(rangeToCidrs("10.0.0.1", "10.0.0.0")).toEqual([]);
  });

  it("a registrar answer with only a 'registrar expiration' event fills a silent registry's", () => {
    // Events of rdap.markmonitor.com's answer for google.com (meeb/whoisit
    // tests/responses/domain-1.yaml, commit 54529e14), the expiration written as the ICANN
    // RDAP profile's "registrar expiration"; the registry's answer carries no expiration.
    const registrar = decodeDomain({
      objectClassName: "domain",
      ldhName: "google.com",
      events: [
        { eventAction: "registrar expiration", eventDate: "2028-09-13T07:00:00.000+0000" },
        { eventAction: "registration", eventDate: "1997-09-15T07:00:00.000+0000" },
        { eventAction: "last update", eventDate: "2019-09-09T15:39:04.000+0000" },
      ],
    });
    const registry = decodeDomain({
      objectClassName: "domain",
      ldhName: "GOOGLE.COM",
      events: [{ eventAction: "registration", eventDate: "1997-09-15T04:00:00Z" }],
    });
    const merged = mergeFacts(registry, registrar);
    expect(merged.expires).toBe("2028-09-13T07:00:00.000Z");
    expect(merged.created).toBe("1997-09-15T04:00:00.000Z"); // the registry's own wins
    expect(merged.updated).toBe("2019-09-09T15:39:04.000Z");
    // The registry's expiration, when it has one, wins over the registrar's.
    const withExpiry = decodeDomain({
      events: [{ eventAction: "expiration", eventDate: "2028-09-14T04:00:00Z" }],
    });
    expect(mergeFacts(withExpiry, registrar).expires).toBe("2028-09-14T04:00:00.000Z");
  });

  it("Namecheap-style date-times without an offset are UTC, not the machine's time", () => {
    const d = decodeDomain({
      events: [{ eventAction: "registration", eventDate: "2008-08-18T13:19:55" }],
    });
    expect(d.created).toBe("2008-08-18T13:19:55.000Z");
  });
});
