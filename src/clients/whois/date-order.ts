// Registries that write numeric dates day first, learnt from their answers: without an entry
// here "05-06-1999" is ambiguous and read as no date at all.
import type { DateOrder } from "../../util/registry-date.js";

const DAY_FIRST = new Set([
  "cr", // NIC Costa Rica: "registered: 18.04.2002 18:00:00"
  "fi", // Traficom: "created............: 18.7.2012 04:04:23"
  "hk", // HKIRC: "Domain Name Commencement Date: 14-07-1998"
  "il", // ISOC-IL: "assigned: 05-06-1999"
  "pt", // DNS.PT: "Creation Date: 30/10/2002 00:00:00"
  "rs", // RNIDS: "Registration date: 26.03.2008 16:18:03"
]);

/** How the registry of `domain`'s TLD writes ambiguous numeric dates. */
export function dateOrderFor(domain: string | undefined): DateOrder {
  const tld = domain?.toLowerCase().replace(/\.$/, "").split(".").pop();
  return tld && DAY_FIRST.has(tld) ? "day-first" : null;
}
