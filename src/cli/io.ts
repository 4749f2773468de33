import type { Readable } from "node:stream";

/** What the CLI may touch of its process; tests pass fakes, `runProcess()` the real ones. */
export interface CliIO {
  stdout: {
    write(chunk: string): boolean;
    once?(event: "drain", cb: () => void): unknown;
    isTTY?: boolean;
    columns?: number;
  };
  stderr: { write(chunk: string): boolean; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT. */
  signal?: AbortSignal;
}

/** Writes to stdout, waiting for 'drain' when the pipe is full. */
export async function writeOut(io: CliIO, text: string): Promise<void> {
  if (!text) return;
  if (!io.stdout.write(text) && io.stdout.once) {
    await new Promise<void>((resolve) => io.stdout.once?.("drain", resolve));
  }
}
