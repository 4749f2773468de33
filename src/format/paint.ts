import { Chalk } from "chalk";
import { sanitize } from "./sanitize.js";

/** The styles the table uses; each names what it marks, not a colour. */
export type Style = "title" | "heading" | "dim" | "good" | "warn" | "bad";

/** Styles text for the terminal; a no-op without colour. */
export type Paint = (style: Style, text: string) => string;

/**
 * A painter that sanitises before it colours, so the codes it adds can never be escaped into
 * visible text and text from strangers can never carry codes of its own. Sanitising is
 * idempotent (escaped text holds no control characters), so already-clean text is unchanged.
 */
export function painter(color: boolean): Paint {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const styles: Record<Style, (t: string) => string> = {
    title: (t) => chalk.bold(t),
    heading: (t) => chalk.bold.underline(t),
    dim: (t) => chalk.dim(t),
    good: (t) => chalk.green(t),
    warn: (t) => chalk.yellow(t),
    bad: (t) => chalk.red(t),
  };
  return (style, text) => {
    const clean = sanitize(text);
    return color && clean ? styles[style](clean) : clean;
  };
}
