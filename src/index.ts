// The library: importing it does nothing; `hostscan` the command is src/cli/main.ts.

// Saved runs: reading them back, summarising and comparing (the summary and diff commands).
export { compareProfiles } from "./diff/compare.js";
export { diffRecord } from "./diff/diff-record.js";
export { pairUp } from "./diff/pair-up.js";
export type { Change, DiffRecord } from "./diff/types.js";
export { formatters } from "./format/index.js";
export { judge } from "./judge/detectors/index.js";
export { ErrorGroups, errorCode, HostscanError } from "./profile/errors.js";
export * from "./profile/types.js";
export { readSaved } from "./saved/read-saved.js";
export { type SavedProfile, savedProfile } from "./saved/saved-profile.js";
export { type LibraryOptions, scan, scanMany } from "./scan/api.js";
export { type Context, createContext } from "./scan/context.js";
export { defaultOptions, type ScanOptions } from "./scan/options.js";
export { scanInput } from "./scan/scan-input.js";
export { scanTarget } from "./scan/scan-target.js";
export { parseTarget } from "./scan/targets/normalize.js";
export type { Target } from "./scan/targets/types.js";
export { type Evidence, emptyEvidence } from "./sources/evidence.js";
export { createTally } from "./summary/tally.js";
export type { Summary } from "./summary/types.js";
