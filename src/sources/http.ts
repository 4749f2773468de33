import { probeSite } from "../clients/probe/probe.js";
import type { HttpEvidence } from "./evidence.js";
import type { Source, SourceResult } from "./types.js";

/**
 * The site itself: GET the target over HTTPS (HTTP when HTTPS cannot connect) through the shared
 * probe client. Skipped with --passive, which sends nothing to the target's own addresses.
 */
export const httpSource: Source<HttpEvidence> = {
  async gather(ctx, input): Promise<SourceResult<HttpEvidence>> {
    if (ctx.options.passive) return { status: "skipped", value: null, errors: [] };
    const { target, dns } = input;
    if (dns) ctx.http.remember(target.host, [...dns.section.a, ...dns.section.aaaa]);
    const url = target.url ?? `https://${target.host}/`;
    const result = await probeSite(ctx.http, ctx.options, {
      url,
      fallbackToHttp: target.url === null,
      signal: input.signal,
    });
    const page = result.page;
    // -v: what the probe asked and what came back, one line per request and per failure.
    if (page) {
      const r = page.response;
      for (const hop of r.redirects) ctx.log("debug", `http: ${hop} → redirect`);
      const from = r.remoteAddress ? ` from ${r.remoteAddress}` : "";
      ctx.log("debug", `http: ${r.finalUrl} → ${r.status}${from}, ${page.body.length} bytes`);
    }
    for (const e of result.errors) ctx.log("debug", `http: ${e.code} ${e.message}`);
    return {
      status: page ? "ok" : "error",
      value: page
        ? {
            section: page.response,
            body: page.body,
            cookies: page.cookies,
            chainHeaders: page.chainHeaders,
          }
        : null,
      errors: result.errors,
    };
  },
};
