import { Chalk } from "chalk";
import type { Profile, Provider } from "../profile/types.js";
import { fitCell } from "./grid.js";
import { renderDetail } from "./table-detail.js";
import type { Formatter } from "./types.js";

// Several targets stream one row each, so column widths are fixed, not measured.
const COLUMNS: [string, number, (p: Profile) => string][] = [
  ["TARGET", 26, (p) => p.host ?? p.target],
  ["REGISTRAR", 16, (p) => name(p.providers.registrar)],
  ["REGISTRY", 12, (p) => name(p.providers.registry)],
  ["DNS", 14, (p) => name(p.providers.dns)],
  ["CDN", 14, (p) => name(p.providers.cdn)],
  ["HOSTING", 18, (p) => hosting(p.providers.hosting)],
  ["EMAIL", 14, (p) => name(p.providers.email)],
  ["TLS", 14, (p) => name(p.providers.tls)],
  ["PLATFORM", 16, (p) => name(p.providers.platform)],
  ["ERRORS", 20, (p) => [...new Set(p.errors.map((e) => e.code))].join(",")],
];

function name(p: Provider | null): string {
  return p ? (p.note ? `${p.name} (${p.note})` : p.name) : "-";
}

function hosting(p: Provider | null): string {
  return p ? `${p.name}${p.asn != null ? ` AS${p.asn}` : ""}` : "-";
}

function row(p: Profile): string {
  return `${COLUMNS.map(([, w, get]) => fitCell(get(p), w))
    .join(" ")
    .trimEnd()}\n`;
}

/** For one target the detailed view; for several, one row per target with the provider columns. */
export const tableFormatter: Formatter = (options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  let first: Profile | null = null;
  let count = 0;
  const header = () =>
    `${paint.bold(
      COLUMNS.map(([h, w]) => h.padEnd(w))
        .join(" ")
        .trimEnd(),
    )}\n`;
  return {
    push(profile) {
      count += 1;
      if (count === 1) {
        first = profile;
        return "";
      }
      const lead = count === 2 ? `${header()}${row(first as Profile)}` : "";
      return `${lead}${row(profile)}`;
    },
    end() {
      if (count === 1) return renderDetail(first as Profile, options);
      return "";
    },
  };
};
