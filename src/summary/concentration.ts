// Concentration of a role among the sites where it is known: top-1 and top-3 share, and the
// Herfindahl–Hirschman index (sum of squared percentage shares, 0–10,000; US DOJ/FTC
// Horizontal Merger Guidelines §2.4: above 1,800 "highly concentrated").

export interface Concentration {
  top1Share: number;
  top3Share: number;
  hhi: number;
}

/** From each provider's site count (any order) and the number of sites where the role is known. */
export function concentration(counts: readonly number[], known: number): Concentration {
  if (known <= 0) return { top1Share: 0, top3Share: 0, hhi: 0 };
  const sorted = [...counts].sort((a, b) => b - a);
  const top = (n: number) => sorted.slice(0, n).reduce((sum, c) => sum + c, 0) / known;
  const hhi = sorted.reduce((sum, c) => sum + ((c / known) * 100) ** 2, 0);
  return { top1Share: round(top(1)), top3Share: round(top(3)), hhi: Math.round(hhi) };
}

/** Shares to four decimals: stable in JSON, enough for a percentage with two decimals. */
export const round = (x: number): number => Math.round(x * 10_000) / 10_000;
