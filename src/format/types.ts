import type { Profile } from "../profile/types.js";

export type FormatId = "table" | "json" | "ndjson" | "csv";

export interface FormatOptions {
  /** Colour for people (table only); off for NO_COLOR, --no-color and non-TTY stdout. */
  color: boolean;
  /** Terminal width for the table; null when unknown. */
  width: number | null;
}

/**
 * A formatter turns profiles, in input order, into output text. It is a pure view: each call
 * returns the text to write now (possibly "" while it waits to know whether more follow).
 */
export interface OutputStream {
  push(profile: Profile): string;
  end(): string;
}

export type Formatter = (options: FormatOptions) => OutputStream;

/** One formatter per format; `satisfies FormatterRegistry` catches a missing one. */
export type FormatterRegistry = Record<FormatId, Formatter>;
