// Runs the built binary under a pseudo-terminal of a given size (Python's pty module), the way
// a person's terminal runs it: stdout and stderr are both the terminal, colour is on by default.
import { spawn } from "node:child_process";
import { BIN } from "./run-cli.js";

// Forks onto a pty whose window is COLS x ROWS, execs the command, copies everything the
// terminal shows to stdout, and exits with the command's status.
const PTY_SCRIPT = `
import fcntl, os, pty, struct, sys, termios
cols, rows, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execv(argv[0], argv)
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    sys.stdout.buffer.write(data)
sys.stdout.flush()
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** What the terminal showed (CRLF turned into LF) and the exit status. */
export function runPty(
  args: string[],
  options: { columns: number; rows?: number; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "python3",
      [
        "-c",
        PTY_SCRIPT,
        String(options.columns),
        String(options.rows ?? 50),
        process.execPath,
        BIN,
        ...args,
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: "/nonexistent",
          TERM: "xterm-256color",
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let screen = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      screen += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? -1, screen: screen.replace(/\r\n/g, "\n") }),
    );
  });
}

/** A line as the terminal leaves it: what follows the last carriage return, codes removed. */
export function visibleLine(line: string): string {
  const last = line.split("\r").pop() ?? "";
  return last.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}
