// The infographic as a Vega-Lite specification: one panel per role, horizontal bars of the top
// providers with counts and shares, "other", "unknown" and "failed" drawn as bars too, so the
// panel always adds up to the whole list. Pure data: `--vega` writes it for people to restyle.
import { sanitize } from "../format/sanitize.js";
import { ROLES, type Role } from "../profile/types.js";
import { day, percent } from "./table.js";
import type { Summary } from "./types.js";

export interface ChartOptions {
  /** Providers drawn per role before the rest become "other". */
  top: number;
}

type Kind = "provider" | "other" | "unknown" | "failed";

interface Bar {
  role: Role;
  label: string;
  sites: number;
  text: string;
  kind: Kind;
  rank: number;
}

const ROLE_TITLES: Record<Role, string> = {
  registrar: "Registrar",
  registry: "Registry",
  dns: "DNS host",
  cdn: "CDN / WAF",
  hosting: "Hosting network",
  email: "Mail",
  tls: "Certificate authority",
  platform: "Platform",
};

const KIND_COLOURS: Record<Kind, string> = {
  provider: "#3b6ea5",
  other: "#8fb3d9",
  unknown: "#b8b8b8",
  failed: "#d0605e",
};

const LABEL_MAX = 40;

/** A label safe to draw: control characters escaped, long names cut. */
function label(text: string, max = LABEL_MAX): string {
  const clean = sanitize(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function barsOf(s: Summary, role: Role, top: number): Bar[] {
  const r = s.roles[role];
  const bars: Bar[] = [];
  const seen = new Set<string>();
  const add = (text: string, sites: number, kind: Kind) => {
    let name = label(text);
    // Two companies may share a display name (one from the catalogue, one from RDAP data).
    for (let n = 2; seen.has(name); n++) name = `${label(text)} (${n})`;
    seen.add(name);
    const share = s.sites ? sites / s.sites : 0;
    bars.push({
      role,
      label: name,
      sites,
      text: `${sites} · ${percent(share)}`,
      kind,
      rank: bars.length,
    });
  };
  for (const p of r.providers.slice(0, top)) add(p.name, p.sites, "provider");
  const rest = r.providers.slice(top);
  const restSites = rest.reduce((n, p) => n + p.sites, 0) + r.untrackedSites;
  if (restSites) add(`other (${rest.length} providers)`, restSites, "other");
  if (r.unknown) add("unknown", r.unknown, "unknown");
  if (r.failed) add("failed", r.failed, "failed");
  return bars;
}

function panel(s: Summary, role: Role, bars: Bar[]): Record<string, unknown> {
  const r = s.roles[role];
  const figures = r.known ? `${r.known} known · HHI ${r.hhi}` : "not known for any site";
  const y = {
    field: "label",
    type: "nominal",
    sort: { field: "rank", op: "min", order: "ascending" },
    title: null,
    // Names drawn whole (they are capped at LABEL_MAX characters); one label column width for
    // every panel, so the panels line up unless a name is wider.
    axis: { labelLimit: 0, labelFontSize: 12, minExtent: 140, ticks: false, domain: false },
  };
  const x = {
    field: "sites",
    type: "quantitative",
    // Room to the right of the longest bar for its label; the axis is the text itself.
    scale: { domain: [0, Math.max(1, s.sites) * 1.5] },
    axis: null,
  };
  return {
    // Anchored on the bars, which line up across panels (the label column does not).
    title: { text: ROLE_TITLES[role], subtitle: figures, anchor: "start", frame: "group" },
    data: { values: bars },
    width: 220,
    height: { step: 20 },
    encoding: { y, x },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: "kind",
            type: "nominal",
            scale: { domain: Object.keys(KIND_COLOURS), range: Object.values(KIND_COLOURS) },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12 },
        encoding: { text: { field: "text", type: "nominal" } },
      },
    ],
  };
}

/** "1,200 sites · 2026-12-01": the list's size and the date of its latest scan. */
function chartSubtitle(s: Summary): string {
  const date = day(s.scannedTo);
  return `${s.sites.toLocaleString("en-US")} sites${date ? ` · ${date}` : ""}`;
}

/** The Vega-Lite v6 specification of the summary's chart. */
export function chartSpec(s: Summary, options: ChartOptions): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "hostscan summary: which companies serve these sites",
    // Short: the chart is as wide as its widest text, and it has to fit a phone.
    title: { text: label(s.title, 60), subtitle: chartSubtitle(s), anchor: "start", fontSize: 16 },
    background: "white",
    padding: 12,
    spacing: 22,
    vconcat: ROLES.map((role) => panel(s, role, barsOf(s, role, options.top))),
    config: {
      view: { stroke: null },
      font: "sans-serif",
      title: { fontSize: 14, subtitleFontSize: 12, subtitleColor: "#555" },
    },
  };
}
