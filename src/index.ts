// The library: importing it does nothing; `hostscan` the command is src/cli.ts.
export { type Context, createContext } from "./context.js";
export { judge } from "./detectors/index.js";
export { errorCode, HostscanError } from "./errors.js";
export { type Evidence, emptyEvidence } from "./evidence.js";
export { formatters } from "./format/index.js";
export { defaultOptions, type ScanOptions } from "./options.js";
export * from "./profile/types.js";
export { scanTarget } from "./scan.js";
export { scanInput } from "./scan-input.js";
export { parseTarget } from "./targets/normalize.js";
