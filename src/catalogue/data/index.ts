// The whole provider catalogue, as one reviewed list (see ../schema.ts for the shape).

import type { ProviderEntry } from "../schema.js";
import { CA_PROVIDERS } from "./cas.js";
import { CDN_PROVIDERS } from "./cdn.js";
import { DNS_PROVIDERS } from "./dns.js";
import { HOSTING_PROVIDERS } from "./hosting.js";
import { MAIL_PROVIDERS } from "./mail.js";
import { PLATFORM_PROVIDERS } from "./platforms.js";

/** Every catalogue entry; ids are unique (checked by test/providers-catalogue.test.ts). */
export const CATALOGUE: readonly ProviderEntry[] = [
  ...CDN_PROVIDERS,
  ...HOSTING_PROVIDERS,
  ...DNS_PROVIDERS,
  ...MAIL_PROVIDERS,
  ...PLATFORM_PROVIDERS,
  ...CA_PROVIDERS,
];
