// Every registry format hostscan reads over WHOIS, on real answers (test/fixtures/whois/
// registries/, each with its origin in its first lines): every fact asserted, and no date that
// the answer does not state.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWhoisDomain, type WhoisFacts } from "../src/clients/whois/parse.js";
import { statedIn } from "./helpers/stated-date.js";

const DIR = new URL("./fixtures/whois/", import.meta.url);
const read = (name: string) => readFileSync(new URL(`registries/${name}`, DIR), "utf8");

type Facts = Pick<
  WhoisFacts,
  | "registrar"
  | "ianaId"
  | "registrarUrl"
  | "abuseEmail"
  | "abusePhone"
  | "created"
  | "updated"
  | "expires"
  | "status"
  | "nameservers"
  | "dnssec"
>;

const CASES: [file: string, domain: string, facts: Facts][] = [
  // ICANN gTLD registry template (CentralNic): IANA ID and the registrar abuse contact
  [
    "centralnic.abc.xyz.txt",
    "abc.xyz",
    {
      registrar: "MarkMonitor, Inc (TLDs)",
      ianaId: "292",
      registrarUrl: null,
      abuseEmail: "registryescalations@markmonitor.com",
      abusePhone: "+1.2083895740",
      created: "2014-03-20T12:59:17.000Z",
      updated: "2025-03-10T15:22:23.000Z",
      expires: "2026-03-20T23:59:59.000Z",
      status: ["clientTransferProhibited", "clientUpdateProhibited", "clientDeleteProhibited"],
      nameservers: ["ns2.google.com", "ns4.google.com", "ns3.google.com", "ns1.google.com"],
      dnssec: false,
    },
  ],
  // AFNIC: the domain's last-update, not a contact's changed or the registrar object's registered
  [
    "afnic.google.fr.txt",
    "google.fr",
    {
      registrar: "MARKMONITOR Inc.",
      ianaId: null,
      registrarUrl: "http://www.markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "2000-07-26T22:00:00.000Z",
      updated: "2025-12-03T10:12:00.351Z",
      expires: "2026-12-30T17:16:48.000Z",
      status: [
        "ACTIVE",
        "serverUpdateProhibited",
        "serverTransferProhibited",
        "serverDeleteProhibited",
        "serverRecoverProhibited",
      ],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .kg: ctime dates with weekday, nameservers under a heading
  [
    "aknet-kg.google.kg.txt",
    "google.kg",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2004-02-10T09:42:42.000Z",
      updated: "2025-03-05T00:13:49.000Z",
      expires: "2026-03-28T23:59:00.000Z",
      status: [],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .dk: "DNS:" names the domain itself; hostnames under "Nameservers"
  [
    "dk-hostmaster.google.dk.txt",
    "google.dk",
    {
      registrar: "MarkMonitor Inc.",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1999-01-10T00:00:00.000Z",
      updated: null,
      expires: "2023-03-31T00:00:00.000Z",
      status: ["Active"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: false,
    },
  ],
  // .nz: ICANN keys, no expiry published
  [
    "dnc-nz.yahoo.co.nz.txt",
    "yahoo.co.nz",
    {
      registrar: "MarkMonitor. Inc",
      ianaId: null,
      registrarUrl: "https://www.markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "1997-05-04T12:00:00.000Z",
      updated: "2025-04-07T09:13:29.000Z",
      expires: null,
      status: ["clientDeleteProhibited", "clientTransferProhibited", "clientUpdateProhibited"],
      nameservers: ["ns1.yahoo.com", "ns3.yahoo.com", "ns4.yahoo.com", "ns5.yahoo.com"],
      dnssec: false,
    },
  ],
  // .lu: registrar-name / registrar-url, no dates published
  [
    "dns-lu.google.lu.txt",
    "google.lu",
    {
      registrar: "Markmonitor",
      ianaId: null,
      registrarUrl: "http://www.markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: null,
      updated: null,
      expires: null,
      status: [],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .pl: yyyy.mm.dd; the contact's last modified is not the domain's; REGISTRAR block
  [
    "dns-pl.allegro.pl.txt",
    "allegro.pl",
    {
      registrar: "Corporation Service Company",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1999-10-27T13:00:00.000Z",
      updated: "2017-10-17T07:01:25.000Z",
      expires: "2018-10-26T15:00:00.000Z",
      status: [],
      nameservers: ["dns1.allegro.pl", "dns2.allegro.pl", "dns3.allegro.pl", "dns4.allegro.pl"],
      dnssec: false,
    },
  ],
  // .pt: dd/mm/yyyy day first; no registrar published
  [
    "dns-pt.sapo.pt.txt",
    "sapo.pt",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2002-10-30T00:00:00.000Z",
      updated: null,
      expires: "2019-11-02T23:59:00.000Z",
      status: ["Registered"],
      nameservers: ["ns2.sapo.pt", "dns01.sapo.pt", "dns02.sapo.pt", "ns.sapo.pt"],
      dnssec: null,
    },
  ],
  // .hk: dd-mm-yyyy day first, dates printed after the registrant block
  [
    "hkirc.sbc.org.hk.txt",
    "sbc.org.hk",
    {
      registrar: "Hong Kong Domain Name Registration Company Limited",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1998-07-14T00:00:00.000Z",
      updated: null,
      expires: "2020-03-07T00:00:00.000Z",
      status: ["Active"],
      nameservers: ["ns19.odysseyhost.com", "ns20.odysseyhost.com"],
      dnssec: false,
    },
  ],
  // .ua: +02 offsets; the registrar object's organization and abuse-email; a contact's created ignored
  [
    "hostmaster-ua.google.com.ua.txt",
    "google.com.ua",
    {
      registrar: "MarkMonitor Inc.",
      ianaId: null,
      registrarUrl: "http://markmonitor.com/",
      abuseEmail: "abusecomplaints@markmonitor.com",
      abusePhone: null,
      created: "2002-12-03T22:00:00.000Z",
      updated: "2018-11-02T09:29:08.000Z",
      expires: "2019-12-03T22:00:00.000Z",
      status: ["clientDeleteProhibited", "clientTransferProhibited", "clientUpdateProhibited"],
      nameservers: ["ns3.google.com", "ns1.google.com", "ns4.google.com", "ns2.google.com"],
      dnssec: null,
    },
  ],
  // .ee: the domain's own changed, not the registrant's, registrar's or nameservers'
  [
    "internet-ee.google.ee.txt",
    "google.ee",
    {
      registrar: "Zone Media OÜ",
      ianaId: null,
      registrarUrl: "http://www.zone.ee/",
      abuseEmail: null,
      abusePhone: null,
      created: "2010-07-04T01:34:46.000Z",
      updated: "2020-10-20T17:40:09.000Z",
      expires: "2021-11-09T00:00:00.000Z",
      status: ["ok"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .il: dd-mm-yyyy day first; the latest of the domain's changed lines
  [
    "isoc-il.google.co.il.txt",
    "google.co.il",
    {
      registrar: "Domain The Net Technologies Ltd",
      ianaId: null,
      registrarUrl: "https://www.domainthenet.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "1999-06-05T00:00:00.000Z",
      updated: "2018-12-16T00:00:00.000Z",
      expires: "2026-06-05T00:00:00.000Z",
      status: ["Transfer Locked"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: false,
    },
  ],
  // JPRS: an empty [Registered Date] is no date; [State] Connected (date) ends the period
  [
    "jprs-unset-date.titech.ac.jp.txt",
    "titech.ac.jp",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: null,
      updated: "2025-05-29T01:45:59.000Z",
      expires: "2026-03-31T00:00:00.000Z",
      status: ["Connected"],
      nameservers: [
        "ns.fujisawa.wide.ad.jp",
        "titechns2-o.noc.titech.ac.jp",
        "titechns2-s.noc.titech.ac.jp",
      ],
      dnssec: null,
    },
  ],
  // JPRS in Japanese (hostscan asks without "/e"): 登録年月日, 有効期限, 最終更新; an empty [Name Server]
  [
    "jprs-japanese.ntt.jp.txt",
    "ntt.jp",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2001-05-09T00:00:00.000Z",
      updated: "2021-05-31T16:05:09.000Z",
      expires: "2022-05-31T00:00:00.000Z",
      status: ["Active"],
      nameservers: [],
      dnssec: null,
    },
  ],
  // JPRS: (JST) is UTC+9; JPRS does not publish the registrar over WHOIS
  [
    "jprs.yahoo.co.jp.txt",
    "yahoo.co.jp",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2019-09-27T00:00:00.000Z",
      updated: "2024-09-30T16:00:44.000Z",
      expires: "2025-09-30T00:00:00.000Z",
      status: ["Connected", "AgentChangeLocked"],
      nameservers: ["ns01.yahoo.co.jp", "ns02.yahoo.co.jp", "ns11.yahoo.co.jp", "ns12.yahoo.co.jp"],
      dnssec: null,
    },
  ],
  // .kz: dotted keys, (GMT+0:00), "Current Registar", status continuation lines
  [
    "kaznic.yandex.kz.txt",
    "yandex.kz",
    {
      registrar: "HOSTER.KZ",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2009-07-01T12:44:02.000Z",
      updated: "2022-08-04T10:20:10.000Z",
      expires: null,
      status: ["clientTransferProhibited", "clientDeleteProhibited", "clientRenewProhibited"],
      nameservers: ["ns1.yandex.net", "ns2.yandex.net"],
      dnssec: null,
    },
  ],
  // .kr: "yyyy. mm. dd.", Authorized Agency with its URL in brackets, Host Name lines
  [
    "kisa.wezuro.co.kr.txt",
    "wezuro.co.kr",
    {
      registrar: "Gabia, Inc.",
      ianaId: null,
      registrarUrl: "http://www.gabia.co.kr/",
      abuseEmail: null,
      abusePhone: null,
      created: "2023-05-12T00:00:00.000Z",
      updated: "2023-05-12T00:00:00.000Z",
      expires: "2025-05-12T00:00:00.000Z",
      status: [],
      nameservers: ["ns1.skplanet.com", "ns2.skplanet.com", "ns3.skplanet.com"],
      dnssec: false,
    },
  ],
  // .ar: contact and nameserver objects run together with the domain's; their created ignored
  [
    "nic-ar.afip.gob.ar.txt",
    "afip.gob.ar",
    {
      registrar: "nicar",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1997-05-26T00:00:00.000Z",
      updated: "2018-05-19T12:18:44.329Z",
      expires: "2019-05-26T00:00:00.000Z",
      status: [],
      nameservers: ["ns1.afip.gov.ar", "ns2.afip.gov.ar"],
      dnssec: null,
    },
  ],
  // .at: yyyymmdd hh:mm:ss; the registrar's nic.at page split off its name
  [
    "nic-at.google.at.txt",
    "google.at",
    {
      registrar: "MarkMonitor Inc.",
      ianaId: null,
      registrarUrl: "https://nic.at/registrar/434",
      abuseEmail: null,
      abusePhone: null,
      created: null,
      updated: "2011-04-26T17:57:27.000Z",
      expires: null,
      status: [],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // NIC Chile: CLST is UTC-3
  [
    "nic-cl.google.cl.txt",
    "google.cl",
    {
      registrar: "MarkMonitor Inc.",
      ianaId: null,
      registrarUrl: "https://markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "2002-10-22T20:48:23.000Z",
      updated: null,
      expires: "2019-11-20T17:48:02.000Z",
      status: [],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .cr: dd.mm.yyyy day first; registrar only as the handle NIC-REG1 (no name given: null)
  [
    "nic-cr.google.co.cr.txt",
    "google.co.cr",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2002-04-18T18:00:00.000Z",
      updated: "2017-02-28T06:39:42.000Z",
      expires: "2020-04-17T00:00:00.000Z",
      status: [
        "Deletion forbidden",
        "Sponsoring registrar change forbidden",
        "Update forbidden",
        "Administratively blocked",
        "Registrant change forbidden",
      ],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .it: Registrar block's Organization; contacts' Created/Last Update ignored; the registrar's DNSSEC is not the domain's
  [
    "nic-it.google.it.txt",
    "google.it",
    {
      registrar: "MarkMonitor International Limited",
      ianaId: null,
      registrarUrl: "https://www.markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "1999-12-10T00:00:00.000Z",
      updated: "2018-05-07T00:54:15.000Z",
      expires: "2019-04-21T00:00:00.000Z",
      status: ["ok"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: false,
    },
  ],
  // .lv: [Registrar] Name, [Nservers], [Whois] Updated
  [
    "nic-lv.google.lv.txt",
    "google.lv",
    {
      registrar: "MarkMonitor Inc.",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: null,
      updated: "2024-09-03T17:12:28.647Z",
      expires: null,
      status: ["active"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // NIC.tr: yyyy-Mon-dd. dates, ** headings, no registrar
  [
    "nic-tr.google.com.tr.txt",
    "google.com.tr",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2001-08-23T00:00:00.000Z",
      updated: null,
      expires: "2019-08-22T00:00:00.000Z",
      status: [],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // Nominet: "before Aug-1996" is no date; [Tag = …] dropped; glue addresses ignored
  [
    "nominet.amazon.co.uk.txt",
    "amazon.co.uk",
    {
      registrar: "Amazon.com, Inc. t/a Amazon.com, Inc.",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: null,
      updated: "2013-10-23T00:00:00.000Z",
      expires: "2020-12-05T00:00:00.000Z",
      status: ["Registered until expiry date."],
      nameservers: [
        "ns1.p31.dynect.net",
        "ns2.p31.dynect.net",
        "ns3.p31.dynect.net",
        "ns4.p31.dynect.net",
        "pdns1.ultradns.net",
        "pdns2.ultradns.net",
        "pdns3.ultradns.org",
        "pdns4.ultradns.org",
        "pdns5.ultradns.info",
        "pdns6.ultradns.co.uk",
      ],
      dnssec: null,
    },
  ],
  // registro.br: yyyymmdd with a ticket after '#'; contacts' created/changed ignored; no registrar
  [
    "registro-br.google.com.br.txt",
    "google.com.br",
    {
      registrar: null,
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1999-05-18T00:00:00.000Z",
      updated: "2019-04-17T00:00:00.000Z",
      expires: "2020-05-18T00:00:00.000Z",
      status: ["published"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // .rs: dd.mm.yyyy day first; DNS: host - address
  [
    "rnids.abc.rs.txt",
    "abc.rs",
    {
      registrar: "Mainstream Public Cloud Services d.o.o.",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2008-03-26T16:18:03.000Z",
      updated: "2025-02-11T08:24:15.000Z",
      expires: "2026-03-26T16:18:03.000Z",
      status: ["Active"],
      nameservers: ["ns1.providus.rs", "ns2.providus.rs", "ns3.providus.rs"],
      dnssec: false,
    },
  ],
  // SK-NIC: registrar handle FAJN-0002 resolved to the name in the registrar block
  [
    "sk-nic.google.sk.txt",
    "google.sk",
    {
      registrar: "FAJNOR IP s. r. o.",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2003-07-24T00:00:00.000Z",
      updated: "2018-07-03T00:00:00.000Z",
      expires: "2019-07-24T00:00:00.000Z",
      status: ["ok"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // SWITCH: values on the line after their heading; DNSSEC:N
  [
    "switch.liechtenstein.li.txt",
    "liechtenstein.li",
    {
      registrar: "switchplus AG",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "1996-02-08T00:00:00.000Z",
      updated: null,
      expires: null,
      status: [],
      nameservers: ["pdns.llv.li", "scsnms.switch.ch"],
      dnssec: false,
    },
  ],
  // .fi: d.m.yyyy day first; Registrar block
  [
    "traficom.druid.fi.txt",
    "druid.fi",
    {
      registrar: "CSL Computer Service Langenbach GmbH (d/b/a joker.com)",
      ianaId: null,
      registrarUrl: null,
      abuseEmail: null,
      abusePhone: null,
      created: "2012-07-18T04:04:23.000Z",
      updated: "2019-03-19T00:00:00.000Z",
      expires: "2022-07-17T22:16:55.000Z",
      status: ["Registered"],
      nameservers: ["ns3.digitalocean.com", "ns1.digitalocean.com", "ns2.digitalocean.com"],
      dnssec: false,
    },
  ],
  // TWNIC: "Record created on … (YYYY-MM-DD)", comma-separated status
  [
    "twnic.google.com.tw.txt",
    "google.com.tw",
    {
      registrar: "Markmonitor, Inc.",
      ianaId: null,
      registrarUrl: "http://www.markmonitor.com/",
      abuseEmail: null,
      abusePhone: null,
      created: "2000-08-29T00:00:00.000Z",
      updated: null,
      expires: "2019-11-09T00:00:00.000Z",
      status: ["clientUpdateProhibited", "clientTransferProhibited", "clientDeleteProhibited"],
      nameservers: ["ns1.google.com", "ns2.google.com", "ns3.google.com", "ns4.google.com"],
      dnssec: null,
    },
  ],
  // Verisign 2008: "Server Name:" records about other names never give the registrar
  [
    "verisign-2008-spam-records.microsoft.com.txt",
    "microsoft.com",
    {
      registrar: "TUCOWS INC.",
      ianaId: null,
      registrarUrl: "http://domainhelp.opensrs.net/",
      abuseEmail: null,
      abusePhone: null,
      created: "1991-05-02T00:00:00.000Z",
      updated: "2006-10-10T00:00:00.000Z",
      expires: "2014-05-03T00:00:00.000Z",
      status: ["clientDeleteProhibited", "clientTransferProhibited", "clientUpdateProhibited"],
      nameservers: ["ns1.msft.net", "ns2.msft.net", "ns3.msft.net", "ns4.msft.net", "ns5.msft.net"],
      dnssec: null,
    },
  ],
];

describe("WHOIS registry formats, on real answers", () => {
  it.each(CASES)("%s", (file, domain, facts) => {
    const parsed = parseWhoisDomain(read(file), domain);
    expect(parsed).toMatchObject(facts);
    expect(parsed.notFound).toBe(false);
    expect(parsed.throttled).toBe(false);
  });

  it("every fixture has a case", () => {
    const files = readdirSync(new URL("registries/", DIR)).sort();
    expect(CASES.map(([f]) => f).sort()).toEqual(files);
  });
});

describe("no parsed date is one the answer does not state", () => {
  const all = [
    ...readdirSync(new URL("registries/", DIR)).map((f) => ({ f, text: read(f) })),
    ...readdirSync(DIR)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => ({ f, text: readFileSync(new URL(f, DIR), "utf8") })),
  ];
  it.each(all.map(({ f, text }) => [f, text]))("%s", (file, text) => {
    const domain = /\.([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.txt$/.exec(file)?.[1];
    const facts = parseWhoisDomain(text, domain);
    for (const key of ["created", "updated", "expires"] as const) {
      const date = facts[key];
      if (date) expect(statedIn(text, date), `${key} ${date}`).toBe(true);
    }
  });

  it("the check itself rejects a date the text does not state", () => {
    const text =
      "Updated Date: 04-jun-2008\nCreation Date: 29-apr-2005\nRegistration date: 10.03.2021\n";
    expect(statedIn(text, "2005-04-29T00:00:00.000Z")).toBe(true);
    expect(statedIn(text, "2001-04-29T00:00:00.000Z")).toBe(false); // the old cleanDate bug
    expect(statedIn(text, "2021-03-10T00:00:00.000Z")).toBe(true);
    expect(statedIn(text, "2021-10-03T00:00:00.000Z")).toBe(false); // read month first
    expect(statedIn("Changed: 2018-03-12T21:44:25+01:00", "2018-03-12T20:44:25.000Z")).toBe(true);
    expect(statedIn("Changed: 2018-03-12T21:44:25+01:00", "2018-03-12T21:44:25.000Z")).toBe(false);
  });
});
