// The diff's public shape, `hostscan/diff@1`: one record per target that changed, appeared or
// disappeared (schema/diff.schema.json describes it).

export const DIFF_SCHEMA = "hostscan/diff@1";

export type ChangeKind =
  | "added"
  | "removed"
  | "replaced"
  | "transferred"
  | "renewed"
  | "lapsed"
  | "changed"
  | "moved"
  | "expiring";

/**
 * One change. `old`/`new` hold single values (a provider's name, a date, a confidence), `added`
 * and `removed` the members of a set that came and went (nameservers, networks, errors).
 */
export interface Change {
  /** What changed, as a path into the profile: `providers.cdn`, `registration.registrar`, … */
  field: string;
  kind: ChangeKind;
  old: string | null;
  new: string | null;
  added: string[];
  removed: string[];
}

export interface DiffRecord {
  schema: typeof DIFF_SCHEMA;
  target: string;
  host: string | null;
  status: "changed" | "appeared" | "disappeared";
  changes: Change[];
}

export interface DiffOptions {
  /** Report a certificate that expires within this many days of the new scan; null: never. */
  expiringDays: number | null;
}
