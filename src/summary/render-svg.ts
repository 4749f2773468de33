// Renders a Vega-Lite specification to SVG with Vega's own headless renderer: no browser, no
// canvas module (text widths are estimated), and a loader that refuses every fetch, since a
// chart of saved data never needs one.
import { Error as ERROR_ONLY, parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

const refuse = async (): Promise<never> => {
  throw new Error("the chart loads nothing");
};

// Vega's loader interface: every way to read a URL or file ends in `refuse`.
const NO_LOADER = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

const QUIET = {
  level: () => QUIET,
  error: () => QUIET,
  warn: () => QUIET,
  info: () => QUIET,
  debug: () => QUIET,
} as never;

/** The SVG document of a Vega-Lite specification. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  // Warnings about a specification are for its author; the CLI's stderr carries only ours.
  const vegaSpec = compile(spec as unknown as TopLevelSpec, { logger: QUIET }).spec;
  const view = new View(parse(vegaSpec), {
    renderer: "none",
    logLevel: ERROR_ONLY,
    // Vega's Loader type wants every method's full signature; each of these only refuses.
    loader: NO_LOADER as never,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
