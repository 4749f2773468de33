export type LogLevel = "warn" | "info" | "debug";

/** Where a client's diagnostics go (as openrdap's Verbose func): the CLI prints, tests collect. */
export type LogSink = (level: LogLevel, message: string) => void;
