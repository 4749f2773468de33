import type { Profile } from "../profile/types.js";
import { safeJson } from "./sanitize.js";
import type { Formatter, OutputStream } from "./types.js";

/**
 * One object for one target, an array for several (contract). The first profile is held until
 * the second arrives or the input ends, since only then is it known which one to print.
 */
export const jsonFormatter: Formatter = () => {
  let first: Profile | null = null;
  let count = 0;
  const stream: OutputStream = {
    push(profile) {
      count += 1;
      if (count === 1) {
        first = profile;
        return "";
      }
      const body = indentItem(profile);
      if (count === 2) return `[\n${indentItem(first as Profile)},\n${body}`;
      return `,\n${body}`;
    },
    end() {
      if (count === 0) return "[]\n";
      if (count === 1) return `${safeJson(first, 2)}\n`;
      return "\n]\n";
    },
  };
  return stream;
};

function indentItem(profile: Profile): string {
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
