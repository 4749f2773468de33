// Two spellings of one IP address ("2606:4700::1", "2606:4700:0:0:0:0:0:1", "::ffff:1.2.3.4"
// for 1.2.3.4) are the same address.
import ipaddr from "ipaddr.js";

/** True when both strings name the same IP address; plain equality for anything unparsable. */
export function sameAddress(a: string, b: string): boolean {
  try {
    return ipaddr.process(a).toNormalizedString() === ipaddr.process(b).toNormalizedString();
  } catch {
    return a === b;
  }
}
