export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/N` (1 ≤ i ≤ N); null when malformed. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/**
 * True when `key` (the normalised host) belongs to the shard. SHA-1 of the key, not a
 * language hash, so every machine and every Node version splits a list the same way.
 */
export function inShard(key: string, shard: Shard): boolean {
  // Loaded on first use: the CLI imports this module, and node:crypto would slow --version.
  const { createHash } = process.getBuiltinModule("node:crypto");
  const digest = createHash("sha1").update(key).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
