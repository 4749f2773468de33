// Runs the built CLI in this process (exactly as bin/hostscan.js does) and, at exit, writes
// its own CPU time and peak RSS (process.resourceUsage) as JSON to $HOSTSCAN_BENCH_USAGE.
import { writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { runProcess } from "../dist/cli/main.js";

// Main-thread GC pauses (the helper threads' share is in the CPU total only).
const gc = { ms: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.ms += e.duration;
    if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major += 1;
  }
}).observe({ entryTypes: ["gc"] });

// Peaks of V8's heap and of memory outside it, sampled each second: what RSS is made of.
const peak = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
setInterval(() => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], m[k]);
}, 1000).unref();

const out = process.env.HOSTSCAN_BENCH_USAGE;
process.on("exit", (code) => {
  const u = process.resourceUsage();
  if (out) {
    writeFileSync(
      out,
      JSON.stringify({
        code,
        userUs: u.userCPUTime,
        systemUs: u.systemCPUTime,
        maxRssKb: u.maxRSS,
        gcMs: gc.ms,
        peakMb: Object.fromEntries(
          Object.entries(peak).map(([k, v]) => [k, Math.round(v / 2 ** 20)]),
        ),
        gcMajor: gc.major,
      }),
    );
  }
});
await runProcess();
