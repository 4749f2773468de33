import type { Context } from "../scan/context.js";
import type { Target } from "../scan/targets/types.js";
import type {
  DnsEvidence,
  HttpEvidence,
  NetworkEvidence,
  RegistrationEvidence,
} from "./evidence.js";
import type { SourceResult } from "./outcome.js";

export type { SourceOutcome, SourceResult, SourceStatus } from "./outcome.js";

/** What a source is given: the target, the DNS evidence (null for the DNS source itself). */
export interface SourceInput {
  target: Target;
  dns: DnsEvidence | null;
  signal: AbortSignal;
}

/** A source does I/O and returns evidence; it never throws for network trouble. */
export interface Source<T> {
  gather(ctx: Context, input: SourceInput): Promise<SourceResult<T>>;
}

/** The evidence each source fills; its key is the field of `Evidence` it fills. */
export interface SourceValues {
  dns: DnsEvidence;
  registration: RegistrationEvidence;
  network: NetworkEvidence;
  http: HttpEvidence;
}

export type SourceId = keyof SourceValues;

/** One source per id; `satisfies SourceRegistry` makes the compiler catch a missing one. */
export type SourceRegistry = { [K in SourceId]: Source<SourceValues[K]> };
