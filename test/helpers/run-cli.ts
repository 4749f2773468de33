// Runs hostscan in-process through main(argv, io), or as the built binary in a subprocess.
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { assertValidOutput } from "./profile-schema.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/** main() with in-memory stdio; env is empty unless given (no proxy, no NO_COLOR). */
export async function runMain(args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as Readable & {
    isTTY?: boolean;
  };
  stdin.isTTY = options.stdinIsTTY ?? false;
  const code = await main(args, {
    stdout: {
      write: (s) => {
        stdout += s;
        return true;
      },
      isTTY: options.stdoutIsTTY ?? false,
    },
    stderr: {
      write: (s) => {
        stderr += s;
        return true;
      },
      isTTY: options.stderrIsTTY ?? false,
    },
    stdin,
    env: { HOME: "/nonexistent", ...options.env },
    signal: options.signal,
  });
  // Every JSON/NDJSON output a test sees must match the published schema.
  assertValidOutput(args, stdout);
  return { code, stdout, stderr };
}

export const BIN = fileURLToPath(new URL("../../bin/hostscan.js", import.meta.url));

/** The built binary as a subprocess (run `npm run build` first; `npm test` does). */
export function runBin(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: "/nonexistent", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        assertValidOutput(args, stdout);
        resolve({ code: code ?? -1, stdout, stderr });
      } catch (err) {
        reject(err);
      }
    });
    child.stdin.end(options.stdin ?? "");
  });
}
