// The table a person reads: fits the width, never cuts a contact, says each signal once, and
// names every role on the first screen. Profiles are the realistic stacks of the golden tests.
import { describe, expect, it } from "vitest";
import { formatters } from "../src/format/index.js";
import { ROLE_LABELS } from "../src/format/role-words.js";
import { judge } from "../src/judge/detectors/index.js";
import { buildProfile, noProviders } from "../src/profile/build.js";
import { type Profile, ROLES } from "../src/profile/types.js";
import { generatorInfo } from "../src/scan/generator.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { STACKS } from "./fixtures/stacks/stacks.js";

const timing = {
  scannedAt: "2026-11-26T10:00:00.000Z",
  durationMs: 812,
  generator: generatorInfo(),
};
const profiles: Profile[] = STACKS.map((s) => buildProfile(s.evidence, judge(s.evidence), timing));

function table(list: Profile[], width: number, extra: { color?: boolean; full?: boolean } = {}) {
  const out = formatters.table({
    color: extra.color ?? false,
    width,
    fullEvidence: extra.full ?? false,
    list: list.length !== 1,
  });
  return list.map((p) => out.push(p)).join("") + out.end();
}

// Every channel of every role, as the contract's provider objects hold them.
function contacts(p: Profile): string[] {
  return ROLES.flatMap((r) => {
    const a = p.providers[r]?.abuse;
    return a ? [a.email, a.url, a.phone].filter((c): c is string => !!c) : [];
  });
}

// A profile with nothing found, for a host (given as `input`).
function bare(host: string, input = host): Profile {
  const ev = emptyEvidence({ input, host, domain: host, url: null });
  return buildProfile(ev, noProviders(), timing);
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe("one target", () => {
  for (const width of [80, 120]) {
    it(`fits ${width} columns; only a single unbreakable word may be wider`, () => {
      for (const p of profiles) {
        for (const line of table([p], width).split("\n")) {
          if (line.length > width) expect(line.trim()).not.toContain(" ");
        }
      }
    });

    it(`keeps every contact whole on one line at ${width} columns`, () => {
      for (const p of profiles) {
        const lines = table([p], width).split("\n");
        for (const c of contacts(p)) expect(lines.some((l) => l.includes(c))).toBe(true);
      }
    });
  }

  it("names every role's provider, confidence and first contact on the first screen", () => {
    for (const p of profiles) {
      const first = table([p], 80).split("\n").slice(0, 25).join("\n");
      const wide = table([p], 120).split("\n");
      for (const role of ROLES) {
        const prov = p.providers[role];
        const label = ROLE_LABELS[role].split(" ")[0] as string;
        expect(first).toContain(label);
        if (!prov) continue;
        const row = wide.find((l) => l.startsWith(`${label} `));
        expect(row, `${p.host} ${role}`).toContain(prov.name.split(" ")[0]);
        expect(row).toContain(prov.confidence);
        const contact = prov.abuse.email ?? prov.abuse.url ?? prov.abuse.phone;
        if (contact) expect(first).toContain(contact);
      }
    }
  });

  it("gives the contact column the room narrow providers leave, before moving a contact", () => {
    const de = profiles.find((p) => p.domain === "example-vps.de") as Profile;
    expect(table([de], 80)).toMatch(
      /^certificate +Let's Encrypt +high +cert-prob-reports@letsencrypt\.org$/m,
    );
    const blog = table([profiles[0] as Profile], 80).split("\n");
    // Too wide for its column: the URL takes the row's next line, whole.
    const mail = blog.findIndex((l) => l.startsWith("mail "));
    expect(blog[mail]).toMatch(/high$/);
    expect(blog[mail + 1]?.trim()).toBe("https://support.google.com/mail/contact/abuse");
  });

  it("has no stray blank lines and no trailing spaces", () => {
    for (const p of profiles) {
      const text = table([p], 80);
      expect(text).not.toMatch(/\n\n\n/);
      expect(text).not.toMatch(/ \n/);
      expect(text.endsWith("\n")).toBe(true);
    }
  });

  it("says addresses that back both CDN and hosting once", () => {
    const text = table([profiles[0] as Profile], 120);
    expect(text.match(/A 104\.21\.3\.4 in AS13335/g)).toHaveLength(1);
    expect(text).toContain("same addresses as CDN / WAF");
  });

  it("caps each role at three evidence lines unless asked for all", () => {
    const p = profiles[0] as Profile;
    const short = table([p], 120);
    expect(short).toContain("+3 more (-v shows all)");
    const full = table([p], 120, { full: true });
    for (const line of p.providers.cdn?.evidence ?? []) expect(full).toContain(line);
    expect(full).not.toContain("more (-v shows all)");
  });

  it("uses plain words: human dates, certificate authority, hints where no channel exists", () => {
    const text = table([profiles[0] as Profile], 120);
    expect(text).toContain("created    2016-03-14");
    expect(text).not.toContain("2016-03-14T");
    expect(text).toMatch(/^certificate {2}Google Trust Services/m);
    expect(text).toMatch(/^registry .*\(report to the registrar\)$/m);
    expect(text).toMatch(/^platform .*\(report to the host\)$/m);
    const de = profiles.find((p) => p.domain === "example-vps.de") as Profile;
    expect(table([de], 120)).toMatch(/^registrar .*\(\.de: DENIC eG publishes no registrar\)$/m);
  });

  it("says 'not checked (--passive)' for roles only the site could answer", () => {
    const p = {
      ...bare("a.example"),
      sources: { http: { status: "skipped" as const, durationMs: 0 } },
    };
    const text = table([p], 80);
    expect(text).toMatch(/^certificate +not checked \(--passive\)$/m);
    expect(text).toMatch(/^CDN \/ WAF +not checked \(--passive\)$/m);
    expect(text).toContain("HTTP/TLS\n  not checked (--passive)");
  });

  it("puts the Unicode name beside its punycode", () => {
    const text = table([bare("xn--bcher-kva.example", "bücher.example")], 80);
    expect(text.split("\n")[0]).toBe("xn--bcher-kva.example (bücher.example)");
  });

  it("answers 'no such domain' in one line for a name nobody registered", () => {
    const p = bare("nope.example");
    p.sources = { registration: { status: "empty", durationMs: 1 } };
    p.errors = [
      { source: "dns", code: "NXDOMAIN", message: "nope.example A: no such name" },
      {
        source: "rdap",
        code: "NOT_FOUND",
        message: "rdap.example: no such domain nope.example (HTTP 404)",
      },
    ];
    expect(table([p], 80)).toBe(
      "nope.example: no such domain (DNS: NXDOMAIN; the registry has no record of it)\n",
    );
  });

  it("adds colour only around sanitised text: stripped, it is the plain table", () => {
    const hostile = { ...(profiles[0] as Profile) };
    hostile.providers = { ...hostile.providers };
    const reg = hostile.providers.registrar;
    if (reg)
      hostile.providers.registrar = { ...reg, name: "Evil\u001b[31m Registrar", confidence: "low" };
    const plain = table([hostile], 80);
    const colored = table([hostile], 80, { color: true });
    expect(colored).toMatch(ANSI);
    const a = colored.replace(ANSI, "").split("\n");
    const b = plain.split("\n");
    for (let i = 0; i < b.length; i++) expect(a[i], String(i)).toBe(b[i]);
    expect(plain).toContain("Evil\\x1b[31m Registrar");
    // The only escapes in the coloured output are SGR codes hostscan added.
    expect(colored.replace(ANSI, "")).not.toMatch(/\u001b/);
  });
});

describe("several targets", () => {
  it("fits 120 columns, names every provider and keeps contacts whole", () => {
    const text = table(profiles, 120);
    const lines = text.split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    for (const p of profiles) {
      for (const role of ROLES) {
        const prov = p.providers[role];
        if (prov) expect(text.replace(/\n\s+/g, " ")).toContain(prov.name);
      }
      for (const role of ["hosting", "cdn", "registrar"] as const) {
        const prov = p.providers[role];
        const c = prov && (prov.abuse.email ?? prov.abuse.url ?? prov.abuse.phone);
        if (c) expect(lines.some((l) => l.includes(c))).toBe(true);
      }
    }
    expect(text).toContain("Legend: confidence is high unless marked");
  });

  it("marks confidence below high and lists error codes once", () => {
    const text = table(profiles, 120);
    expect(text).toContain("hosting Cloudflare AS13335 (origin hidden, medium)");
    expect(text).toContain("errors: NO_ADDRESS");
  });
});
