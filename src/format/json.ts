import { safeJson } from "./sanitize.js";
import type { Formatter } from "./types.js";

/**
 * An array whenever the targets came as a list (-i, stdin, several arguments), streamed as each
 * profile arrives; one object for exactly one target on the command line (contract).
 */
export const jsonFormatter: Formatter = (options) => {
  let count = 0;
  if (!options.list) {
    return { push: (profile) => `${safeJson(profile, 2)}\n`, end: () => "" };
  }
  return {
    push(profile) {
      count += 1;
      return `${count === 1 ? "[\n" : ",\n"}${indentItem(profile)}`;
    },
    end: () => (count === 0 ? "[]\n" : "\n]\n"),
  };
};

function indentItem(profile: unknown): string {
  return safeJson(profile, 2)
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** One object per line, always. */
export const ndjsonFormatter: Formatter = () => ({
  push: (profile) => `${safeJson(profile)}\n`,
  end: () => "",
});
