// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file, top N.
//   node bench/profile-summary.js bench/profiles/<name>.cpuprofile [N]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnTime = new Map();
const fileTime = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const where = f.url
    ? f.url.replace(/^file:\/\/.*?\/(node_modules|dist|bench)\//, "$1/")
    : "(native)";
  const fn = `${f.functionName || "(anonymous)"} ${where}:${f.lineNumber + 1}`;
  fnTime.set(fn, (fnTime.get(fn) ?? 0) + us);
  const key = f.url
    ? where.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, "$1")
    : f.functionName;
  fileTime.set(key, (fileTime.get(key) ?? 0) + us);
}
const show = (title, map) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  }
};
show("self time by file", fileTime);
show("self time by function", fnTime);

// Inclusive time by hostscan module: a sample counts for every dist/ file on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const url = byId.get(cur).callFrame.url;
    const m = /\/dist\/(.+)$/.exec(url);
    if (m && !seen.has(m[1])) {
      seen.add(m[1]);
      inclusive.set(m[1], (inclusive.get(m[1]) ?? 0) + us);
    }
  }
}
show("inclusive time by hostscan module (dist/)", inclusive);
