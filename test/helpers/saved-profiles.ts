// Saved-profile records for summary and diff tests, shaped like `hostscan --ndjson` output
// (test/cli-full-profile.test.ts pins the real shape; these carry only what varies).
import { ROLES, type Role } from "../../src/profile/types.js";

export interface FakeProvider {
  name: string;
  id?: string;
  asn?: number;
  confidence?: "high" | "medium" | "low";
  email?: string;
  url?: string;
}

export interface FakeProfile {
  target: string;
  providers?: Partial<Record<Role, FakeProvider>>;
  errors?: { source: string; code: string }[];
  scannedAt?: string;
  registration?: Record<string, unknown> | null;
  network?: { ip: string; asn: number; asName: string }[];
  mx?: string[];
  tls?: { issuer: string; issuerOrg: string; validTo: string } | null;
  technologies?: string[];
}

/** A whole profile object as hostscan writes it. */
export function savedProfileJson(p: FakeProfile): Record<string, unknown> {
  const providers: Record<string, unknown> = {};
  for (const role of ROLES) {
    const v = p.providers?.[role];
    providers[role] = v
      ? {
          name: v.name,
          asn: v.asn ?? null,
          confidence: v.confidence ?? "high",
          evidence: [`evidence for ${v.name}`],
          abuse: { email: v.email ?? null, url: v.url ?? null, phone: null },
          ...(v.id ? { id: v.id } : {}),
        }
      : null;
  }
  return {
    schema: "hostscan/profile@1",
    target: p.target,
    host: p.target,
    domain: p.target,
    scannedAt: p.scannedAt ?? "2026-12-01T10:00:00.000Z",
    durationMs: 100,
    providers,
    dns: {
      a: (p.network ?? []).map((n) => n.ip),
      aaaa: [],
      cname: [],
      ns: [],
      mx: (p.mx ?? []).map((exchange) => ({ preference: 10, exchange })),
      txt: [],
      soa: null,
      caa: [],
    },
    registration: p.registration ?? null,
    network: (p.network ?? []).map((n) => ({
      ...n,
      prefix: null,
      country: null,
      registry: null,
      org: null,
      ptr: null,
      abuse: null,
    })),
    http: p.tls
      ? {
          url: `https://${p.target}/`,
          finalUrl: `https://${p.target}/`,
          status: 200,
          redirects: [],
          headers: {},
          tls: {
            ...p.tls,
            subject: p.target,
            san: [],
            validFrom: null,
            sha256: null,
            trusted: true,
            error: null,
          },
        }
      : null,
    technologies: (p.technologies ?? []).map((name) => ({
      name,
      version: null,
      categories: [],
      confidence: 100,
    })),
    errors: (p.errors ?? []).map((e) => ({ ...e, message: `${e.source} failed` })),
    sources: {},
  };
}

/** NDJSON text of these profiles. */
export const ndjson = (profiles: FakeProfile[]): string =>
  profiles.map((p) => `${JSON.stringify(savedProfileJson(p))}\n`).join("");
