// One cold first page through the fingerprints, in a fresh process: the CPU of the first
// detection (the file read, the index, the candidates compiled and matched; the modules are
// imported before, as a scan has them), printed as JSON. Run by bench/startup.js.
import { readFileSync } from "node:fs";

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const { detectTechnologies } = await import("../dist/judge/fingerprints/detect.js");
const { emptyEvidence } = await import("../dist/sources/evidence.js");
const body = readFileSync(
  new URL("../test/fixtures/pages/wordpress.html", import.meta.url),
  "utf8",
);
const url = "https://www.bench.example/";
const headers = { server: "nginx/1.26.2", "x-powered-by": "PHP/8.2.26" };
const evidence = emptyEvidence(
  { input: "bench.example", host: "www.bench.example", domain: "bench.example", url: null },
  {
    http: {
      section: { url, finalUrl: url, status: 200, redirects: [], headers, tls: null },
      body,
      cookies: {},
      chainHeaders: [headers],
    },
  },
);
const started = cpuMs();
const found = detectTechnologies(evidence).length;
process.stdout.write(`${JSON.stringify({ cpuMs: cpuMs() - started, found })}\n`);
