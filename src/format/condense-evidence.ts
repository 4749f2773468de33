import type { Providers, Role } from "../profile/types.js";
import { ROLE_LABELS } from "./role-words.js";

/** Most evidence lines shown per role before "+N more". */
export const EVIDENCE_LINES = 3;

const ADDRESS_LINE = /^(A|AAAA) /;

/**
 * Each role's evidence with every signal said once: a line an earlier role already showed
 * becomes one "same addresses as CDN / WAF" (or "same signals as …") line, and with `full` off
 * a role shows at most EVIDENCE_LINES lines and "+N more (-v shows all)".
 */
export function condenseEvidence(
  providers: Providers,
  roles: readonly Role[],
  full: boolean,
): Map<Role, string[]> {
  const firstSeen = new Map<string, Role>();
  const out = new Map<Role, string[]>();
  for (const role of roles) {
    const p = providers[role];
    if (!p) continue;
    const own: string[] = [];
    const repeats = new Map<Role, { addresses: boolean; other: boolean }>();
    for (const line of p.evidence) {
      const earlier = firstSeen.get(line);
      if (earlier === undefined) {
        firstSeen.set(line, role);
        own.push(line);
        continue;
      }
      if (earlier === role) continue;
      const kind = repeats.get(earlier) ?? { addresses: false, other: false };
      if (ADDRESS_LINE.test(line)) kind.addresses = true;
      else kind.other = true;
      repeats.set(earlier, kind);
    }
    const same = [...repeats].map(([earlier, kind]) => {
      const what =
        kind.addresses && kind.other
          ? "addresses and signals"
          : kind.addresses
            ? "addresses"
            : "signals";
      return `same ${what} as ${ROLE_LABELS[earlier]}`;
    });
    const lines = [...same, ...own];
    out.set(role, full || lines.length <= EVIDENCE_LINES + 1 ? lines : capped(lines));
  }
  return out;
}

function capped(lines: string[]): string[] {
  const shown = lines.slice(0, EVIDENCE_LINES);
  return [...shown, `+${lines.length - shown.length} more (-v shows all)`];
}
