// Diagnostic: runs the CLI like measure.js, then at exit (after a full GC) prints memoryUsage
// and writes a heap snapshot to $HOSTSCAN_BENCH_HEAP when set. Run with --expose-gc.
import { writeHeapSnapshot } from "node:v8";
import { main } from "../dist/cli/main.js";

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
globalThis.gc?.();
const m = process.memoryUsage();
process.stderr.write(
  `heap-diag: rss ${(m.rss / 2 ** 20).toFixed(0)} MB, heapUsed ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, heapTotal ${(m.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB, arrayBuffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MB\n`,
);
if (process.env.HOSTSCAN_BENCH_HEAP) writeHeapSnapshot(process.env.HOSTSCAN_BENCH_HEAP);
process.exit(code);
