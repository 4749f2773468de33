// Runs the built CLI in this process (exactly as bin/hostscan.js does) and, at exit, writes
// its own CPU time and peak RSS (process.resourceUsage) as JSON to $HOSTSCAN_BENCH_USAGE.
import { writeFileSync } from "node:fs";
import { runProcess } from "../dist/cli/main.js";

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
      }),
    );
  }
});
await runProcess();
