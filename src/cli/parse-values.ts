/** A whole number ≥ min, or null. */
export function parseIntAtLeast(text: string, min: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

/** The URL when it is an http(s) URL, else null. */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The URL when it is an http, https or socks5 proxy URL, else null. */
export function proxyUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return ["http:", "https:", "socks5:", "socks:"].includes(url.protocol) && url.hostname
      ? text
      : null;
  } catch {
    return null;
  }
}

/** A host name or IP with an optional port, as WHOIS servers are given; else null. */
export function hostPort(text: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!m) return null;
  const port = m[2] === undefined ? 43 : Number(m[2]);
  return port >= 1 && port <= 65535 ? text.trim() : null;
}

const UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size in bytes: "1048576", "512k", "1M", "1MiB", "2kb" (binary units); null otherwise. */
export function parseSize(text: string): number | null {
  const m = /^(\d{1,15})\s?([kmg]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]) * (UNITS[(m[2] ?? "").toLowerCase()] ?? 1);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}
