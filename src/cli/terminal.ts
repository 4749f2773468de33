// What the output may assume about the terminal: its width and whether to colour. Pure: the
// CLI passes in the stream facts and the environment.

/** `--color` values; `--no-color` is `never`. */
export type ColorWhen = "auto" | "always" | "never";

export const COLOR_WHEN: ColorWhen[] = ["auto", "always", "never"];

/** The width the table fits: the terminal's, else `COLUMNS`, else 80 (piped and unknown). */
export function outputWidth(
  stdout: { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): number {
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0 && columns < 10_000) return columns;
  return 80;
}

/**
 * Whether to colour: `--color always|never` first (a flag beats the environment), then
 * `NO_COLOR` (no-color.org), then `FORCE_COLOR` ("0"/"false" turn it off, as chalk reads it),
 * then a terminal that is not "dumb".
 */
export function useColor(
  when: ColorWhen | false,
  stdout: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  if (when === "always") return true;
  if (when === "never" || when === false) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") {
    return !["0", "false"].includes(env.FORCE_COLOR.toLowerCase());
  }
  return Boolean(stdout.isTTY) && env.TERM !== "dumb";
}
