import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One cached file: its bytes and when they were written (ms since the epoch). */
export interface CachedFile {
  body: string;
  storedAt: number;
}

/** A small on-disk cache of slow-changing files (IANA bootstrap files and the like). */
export interface DiskCache {
  /** The cached copy, fresh or stale, or null when there is none (or it cannot be read). */
  read(key: string): Promise<CachedFile | null>;
  /** Stores a copy; failures (read-only disk, full disk) are reported, never thrown. */
  write(key: string, body: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

// Keys become file names: keep them to a safe alphabet so a key can never escape the directory.
function fileName(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
}

/**
 * A DiskCache in `dir` (created on first write); null `dir` gives a cache that holds nothing.
 * `onUnwritable` hears about the first failed write only: one warning per run, not per file.
 */
export function createDiskCache(
  dir: string | null,
  onUnwritable?: (message: string) => void,
): DiskCache {
  let warned = false;
  if (!dir) {
    return {
      read: async () => null,
      write: async () => ({ ok: false, message: "cache disabled" }),
    };
  }
  return {
    async read(key) {
      const path = join(dir, fileName(key));
      try {
        const [body, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
        return { body, storedAt: info.mtimeMs };
      } catch {
        // Missing or unreadable: the same answer, "no cached copy".
        return null;
      }
    },
    async write(key, body) {
      const path = join(dir, fileName(key));
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(tmp, body, "utf8");
        await rename(tmp, path); // atomic on POSIX: readers never see half a file
        return { ok: true };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!warned && onUnwritable) {
          warned = true;
          onUnwritable(
            `cache directory ${dir} is not writable (${message}); running without saving to it`,
          );
        }
        return { ok: false, message };
      }
    },
  };
}
