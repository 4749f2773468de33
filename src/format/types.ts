import type { Profile } from "../profile/types.js";

export type FormatId = "table" | "json" | "ndjson" | "csv";

export interface FormatOptions {
  /** Colour for people (table only); the CLI decides from --color, NO_COLOR, FORCE_COLOR, TTY. */
  color: boolean;
  /** Columns the table must fit: the terminal's, else COLUMNS, else 80. */
  width: number;
  /** Every evidence line (-v) instead of about three per role. */
  fullEvidence: boolean;
  /**
   * Targets came as a list (-i, stdin, or several arguments): JSON prints an array even for
   * one, so the shape follows the invocation, never the data.
   */
  list: boolean;
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
