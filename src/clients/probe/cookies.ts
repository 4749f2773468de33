/** Cookie names and values from Set-Cookie header values (RFC 6265 §4.1), at most 100. */
export function parseSetCookies(values: readonly string[]): Record<string, string> {
  // No prototype: a cookie named "__proto__" is a cookie, not a way to change the object.
  const cookies: Record<string, string> = Object.create(null);
  for (const line of values.slice(0, 100)) {
    const pair = line.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim().slice(0, 256);
    if (name)
      cookies[name] = pair
        .slice(eq + 1)
        .trim()
        .slice(0, 4096);
  }
  return cookies;
}
