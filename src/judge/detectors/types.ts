import type { Provider, Role } from "../../profile/types.js";
import type { Evidence } from "../../sources/evidence.js";
import type { Derived } from "./derived.js";

/**
 * A pure, synchronous judgement over the gathered evidence (and the facts derived from it once
 * for every role): one provider for one role, or null. Detectors never call one another.
 */
export type RoleDetector = (evidence: Evidence, derived: Derived) => Provider | null;

/** One detector per role; `satisfies DetectorRegistry` makes the compiler catch a missing one. */
export type DetectorRegistry = Record<Role, RoleDetector>;
