import { dnsSource } from "./dns.js";
import { httpSource } from "./http.js";
import { networkSource } from "./network.js";
import { registrationSource } from "./registration.js";
import type { SourceRegistry } from "./types.js";

/** Every source, by the evidence field it fills. Nothing registers itself on import. */
export const sources = {
  dns: dnsSource,
  registration: registrationSource,
  network: networkSource,
  http: httpSource,
} satisfies SourceRegistry;
