// The infographic as one self-contained HTML page: the chart's SVG inline, the per-role tables
// and the "write to" list, CSS inline, nothing fetched (a CSP forbids it), readable on a phone.
import { abuseText } from "../format/csv.js";
import { sanitize } from "../format/sanitize.js";
import { ROLES } from "../profile/types.js";
import { percent, subtitle } from "./table.js";
import type { ContactSummary, RoleSummary, Summary } from "./types.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside HTML elements and attributes, control characters escaped visibly. */
export const html = (value: unknown): string =>
  sanitize(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:12px;color:#1d1d1f;background:#fff;max-width:980px;margin-inline:auto}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.4em 0 .3em}
.sub{color:#555;margin:0 0 1em}
figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e3e3e3;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.abuse{word-break:break-all}summary{cursor:pointer;color:#3b6ea5}
.muted{color:#777}.sites{color:#555;font-size:.85em;word-break:break-word}
li{margin:.4em 0}
`;

/** "a.com, b.com … +N more" folded away: a phone shows the counts first. */
function siteDetails(sites: string[], more: number): string {
  if (sites.length === 0) return "";
  const tail = more ? ` … +${more} more` : "";
  const count = sites.length + more;
  return `<details><summary>${count} site${count === 1 ? "" : "s"}</summary><div class="sites">${html(sites.join(", "))}${tail}</div></details>`;
}

function roleTable(r: RoleSummary, total: number): string {
  const rows = r.providers.map((p) => {
    const services =
      p.services.length > 1 || (p.services[0] && p.services[0].name !== p.name)
        ? `<div class="muted">${html(p.services.map((s) => `${s.name} ${s.sites}`).join(", "))}</div>`
        : "";
    const contact = abuseText(p.abuse);
    const abuse = contact ? `<div class="abuse">${html(contact)}</div>` : "";
    return `<tr><td><strong>${html(p.name)}</strong>${services}${abuse}${siteDetails(p.siteList, p.moreSites)}</td><td class="n">${p.sites}</td><td class="n">${percent(p.share)}</td><td class="n">${percent(p.shareOfKnown)}</td></tr>`;
  });
  const count = (label: string, n: number) =>
    n
      ? `<tr class="muted"><td>${label}</td><td class="n">${n}</td><td class="n">${percent(total ? n / total : 0)}</td><td></td></tr>`
      : "";
  const figures = r.known
    ? ` · top-1 ${percent(r.top1Share)} · top-3 ${percent(r.top3Share)} · HHI ${r.hhi}`
    : "";
  return `<h2>${html(r.role)}</h2><p class="sub">${r.known} known · ${r.unknown} unknown · ${r.failed} failed${figures}</p>
<table><thead><tr><th>provider · abuse contact</th><th>sites</th><th>of list</th><th>of known</th></tr></thead><tbody>
${rows.join("\n")}${count("other (past the cap)", r.untrackedSites)}${count("unknown", r.unknown)}${count("failed", r.failed)}
</tbody></table>`;
}

function contactItem(c: ContactSummary): string {
  const roles = c.roles.map((r) => `${r.role} ${r.sites}`).join(", ");
  const sites = c.sites.map((s) => `${s.site} (${s.roles.join(", ")})`);
  return `<li><strong class="abuse">${html(abuseText(c.contact))}</strong> — ${html(c.providers.join(", "))}: ${html(roles)}${siteDetails(sites, c.moreSites)}</li>`;
}

/** The page; `svg` is the rendered chart (Vega's output, whose text it escapes itself). */
export function summaryHtml(s: Summary, svg: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${html(s.title)}</title><style>${CSS}</style></head>
<body>
<h1>${html(s.title)}</h1>
<p class="sub">${html(subtitle(s))}</p>
<figure>${svg}</figure>
${ROLES.map((role) => roleTable(s.roles[role], s.sites)).join("\n")}
<h2>Write to</h2>
<ul>${s.writeTo.map(contactItem).join("\n")}</ul>
<p class="muted">Made by hostscan from saved profiles; each provider's evidence is in the profiles themselves.</p>
</body></html>
`;
}
