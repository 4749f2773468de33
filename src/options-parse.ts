/** A whole number ≥ min, or null. */
export function parseIntAtLeast(text: string, min: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}
