// The library: importing it does nothing; `hostscan` the command is src/cli/main.ts.

export { formatters } from "./format/index.js";
export { judge } from "./judge/detectors/index.js";
export { ErrorGroups, errorCode, HostscanError } from "./profile/errors.js";
export * from "./profile/types.js";
export { type LibraryOptions, scan, scanMany } from "./scan/api.js";
export { type Context, createContext } from "./scan/context.js";
export { defaultOptions, type ScanOptions } from "./scan/options.js";
export { scanInput } from "./scan/scan-input.js";
export { scanTarget } from "./scan/scan-target.js";
export { parseTarget } from "./scan/targets/normalize.js";
export type { Target } from "./scan/targets/types.js";
export { type Evidence, emptyEvidence } from "./sources/evidence.js";
