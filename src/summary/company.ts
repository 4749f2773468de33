// Which company a provider belongs to: the catalogue's owner or same-company network entry
// (WordPress VIP → Automattic, Sucuri → GoDaddy), else the name as the registry data gives it.
import { providerById } from "../catalogue/index.js";
import type { SavedProvider } from "../saved/saved-profile.js";

export interface Company {
  /** Grouping key: `id:<catalogue id>` or `name:<normalised name>`. */
  key: string;
  name: string;
  id: string | null;
}

/** Case and spacing do not make two registrars ("Example Inc" / "EXAMPLE  Inc"). */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

/** The company filling a role through this provider. */
export function companyOf(provider: SavedProvider): Company {
  const entry = provider.id ? providerById(provider.id) : undefined;
  if (!entry) return { key: `name:${nameKey(provider.name)}`, name: provider.name, id: null };
  const companyId = entry.owner?.id ?? entry.network ?? entry.id;
  const company = providerById(companyId) ?? entry;
  return { key: `id:${company.id}`, name: company.name, id: company.id };
}
