import { createReadStream } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { targetOfLine } from "./read-targets.js";

/** Why an input file cannot be read, in a few words, or null when it can. */
export async function unreadableReason(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return "is a directory";
    await access(path, constants.R_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    return code ?? "cannot be read";
  }
}

/**
 * How many targets the regular files hold (blank lines and comments not counted), for the
 * progress line's total; null when one is not a regular file (a pipe can be read only once).
 */
export async function countTargets(paths: string[]): Promise<number | null> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const lines = createInterface({
      input: createReadStream(path, { encoding: "utf8" }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    try {
      for await (const line of lines) if (targetOfLine(line) !== null) total += 1;
    } catch {
      return null;
    }
  }
  return total;
}

/** Lists up to this size are counted before the scan starts (a few milliseconds). */
export const COUNT_FIRST_BYTES = 8 * 1024 * 1024;

/** The files' total size in bytes (unreadable ones count as empty). */
export async function totalBytes(paths: string[]): Promise<number> {
  const sizes = await Promise.all(
    paths.map((p) =>
      stat(p)
        .then((s) => s.size)
        .catch(() => 0),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
