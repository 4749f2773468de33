import type { Provider, Role } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";

/** A pure, synchronous judgement over the gathered evidence: one provider for one role, or null. */
export type RoleDetector = (evidence: Evidence) => Provider | null;

/** One detector per role; `satisfies DetectorRegistry` makes the compiler catch a missing one. */
export type DetectorRegistry = Record<Role, RoleDetector>;
