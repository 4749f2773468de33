// `npm run fuzz`: long fuzzing campaigns over every target of fuzz/targets.ts. Inputs are half
// generated (fast-check arbitraries) and half mutated from the test fixtures and earlier inputs;
// each run is timed in CPU time (what the input costs, not what other processes on the machine
// take), and a crash, a wrong output or a run over --max-ms is written to a file that
// `--replay` runs again. Deterministic for a given --seed.
//
//   npm run fuzz -- --inputs 1000000 [--seed 1] [--targets whois-domain,rdap-domain]
//                   [--max-ms 100] [--out fuzz/crashes] [--replay FILE]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { seededRandom } from "../test/helpers/batch-fakes.js";
import { mutate } from "./mutate.js";
import { FUZZ_TARGETS, type FuzzTarget } from "./targets.js";

type Input = string | Uint8Array;

interface Options {
  inputs: number;
  seed: number;
  targets: FuzzTarget[];
  maxMs: number;
  out: string;
  replay: string | null;
}

function parseArgs(argv: string[]): Options {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const names = get("--targets")?.split(",");
  const targets = names ? FUZZ_TARGETS.filter((t) => names.includes(t.name)) : FUZZ_TARGETS;
  if (names && targets.length !== names.length) {
    throw new Error(`unknown target in ${names}; known: ${FUZZ_TARGETS.map((t) => t.name)}`);
  }
  return {
    inputs: Number(get("--inputs") ?? 100_000),
    seed: Number(get("--seed") ?? 1),
    targets,
    maxMs: Number(get("--max-ms") ?? 100),
    out: get("--out") ?? "fuzz/crashes",
    replay: get("--replay") ?? null,
  };
}

/** A finding as written to disk: enough to run it again. */
interface Finding {
  target: string;
  kind: "crash" | "wrong" | "slow";
  detail: string;
  ms: number;
  encoding: "utf8" | "base64";
  input: string;
}

function encode(input: Input): Pick<Finding, "encoding" | "input"> {
  return typeof input === "string"
    ? { encoding: "utf8", input }
    : { encoding: "base64", input: Buffer.from(input).toString("base64") };
}

function decode(f: Finding): Input {
  return f.encoding === "utf8" ? f.input : Uint8Array.from(Buffer.from(f.input, "base64"));
}

/** Runs one input: the problem found (crash, wrong output, too slow), or null. */
function check(
  target: FuzzTarget,
  input: Input,
  maxMs: number,
): { kind: Finding["kind"]; detail: string; ms: number } | { kind: null; ms: number } {
  const timed = () => {
    const started = process.cpuUsage();
    let outcome: { kind: Finding["kind"]; detail: string } | null = null;
    try {
      const problem = target.run(input as never);
      if (problem) outcome = { kind: "wrong", detail: problem.slice(0, 500) };
    } catch (err) {
      outcome = { kind: "crash", detail: (err instanceof Error ? err.stack : String(err)) ?? "" };
    }
    const used = process.cpuUsage(started);
    return { outcome, ms: (used.user + used.system) / 1000 };
  };
  let run = timed();
  // A slow run is timed twice more and the fastest kept: a garbage collection, or another
  // process taking the CPU, is not a slow parser.
  for (let retry = 0; retry < 2 && !run.outcome && run.ms > maxMs; retry++) {
    const again = timed();
    if (again.outcome || again.ms < run.ms) run = again;
  }
  if (run.outcome) return { ...run.outcome, ms: run.ms };
  if (run.ms > maxMs) return { kind: "slow", detail: `${run.ms.toFixed(1)} ms`, ms: run.ms };
  return { kind: null, ms: run.ms };
}

function save(dir: string, finding: Finding): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash("sha256").update(finding.input).digest("hex").slice(0, 12);
  const file = join(dir, `${finding.target}-${finding.kind}-${hash}.json`);
  writeFileSync(file, `${JSON.stringify(finding, null, 1)}\n`);
  return file;
}

/** Generated inputs of one target, drawn in seeded batches. */
function generator(target: FuzzTarget, seed: number): () => Input {
  let batch: Input[] = [];
  let round = 0;
  return () => {
    if (batch.length === 0) {
      batch = fc.sample(target.arbitrary as fc.Arbitrary<Input>, {
        seed: seed * 7919 + round++,
        numRuns: 1000,
      });
    }
    return batch.pop() as Input;
  };
}

interface Tally {
  inputs: number;
  generated: number;
  mutated: number;
  maxMs: number;
  maxBytes: number;
  findings: number;
}

function campaign(o: Options): number {
  const rand = seededRandom(o.seed);
  const state = o.targets.map((t) => ({
    target: t,
    corpus: [...t.seeds()] as Input[],
    next: generator(t, o.seed),
    tally: { inputs: 0, generated: 0, mutated: 0, maxMs: 0, maxBytes: 0, findings: 0 } as Tally,
    signatures: new Set<string>(),
  }));
  const started = performance.now();
  let findings = 0;
  for (let i = 0; i < o.inputs; i++) {
    const s = state[i % state.length] as (typeof state)[number];
    const fromCorpus = rand() < 0.5;
    const input = fromCorpus
      ? mutate(
          s.corpus[Math.floor(rand() * s.corpus.length)] as Input,
          s.corpus,
          rand,
          s.target.maxLength,
        )
      : s.next();
    const result = check(s.target, input, o.maxMs);
    const t = s.tally;
    t.inputs++;
    if (fromCorpus) t.mutated++;
    else t.generated++;
    t.maxMs = Math.max(t.maxMs, result.ms);
    t.maxBytes = Math.max(t.maxBytes, input.length);
    // Keep a few generated inputs as material for later mutations.
    if (!fromCorpus && s.corpus.length < 200 && rand() < 0.01) s.corpus.push(input);
    if (result.kind) {
      t.findings++;
      findings++;
      // One file per kind of finding and first line of its detail.
      const signature = `${result.kind}:${result.detail.split("\n")[0]?.slice(0, 120)}`;
      if (!s.signatures.has(signature) && s.signatures.size < 20) {
        s.signatures.add(signature);
        const file = save(o.out, {
          target: s.target.name,
          kind: result.kind,
          detail: result.detail,
          ms: result.ms,
          ...encode(input),
        });
        process.stderr.write(`${result.kind} in ${s.target.name}: ${file}\n`);
      }
    }
    if ((i + 1) % 100_000 === 0) {
      const secs = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(`${i + 1} inputs, ${findings} findings, ${secs} s\n`);
    }
  }
  const secs = (performance.now() - started) / 1000;
  const rows = state.map(({ target, tally: t }) =>
    [
      target.name.padEnd(14),
      String(t.inputs).padStart(9),
      String(t.generated).padStart(9),
      String(t.mutated).padStart(9),
      String(t.maxBytes).padStart(9),
      t.maxMs.toFixed(1).padStart(11),
      String(t.findings).padStart(8),
    ].join(" "),
  );
  const head = "target            inputs generated   mutated max bytes  max CPU ms findings";
  process.stdout.write(`${head}\n${rows.join("\n")}\n`);
  process.stdout.write(
    `${o.inputs} inputs (seed ${o.seed}) in ${secs.toFixed(0)} s: ${findings} findings, slowest ${Math.max(...state.map((s) => s.tally.maxMs)).toFixed(1)} ms of CPU (limit ${o.maxMs} ms)\n`,
  );
  return findings === 0 ? 0 : 1;
}

function replay(o: Options): number {
  const finding = JSON.parse(readFileSync(o.replay as string, "utf8")) as Finding;
  const target = FUZZ_TARGETS.find((t) => t.name === finding.target);
  if (!target) throw new Error(`unknown target ${finding.target}`);
  const result = check(target, decode(finding), o.maxMs);
  process.stdout.write(
    result.kind
      ? `${result.kind} (${result.ms.toFixed(1)} ms): ${result.detail}\n`
      : `no longer fails (${result.ms.toFixed(1)} ms)\n`,
  );
  return result.kind ? 1 : 0;
}

const options = parseArgs(process.argv.slice(2));
process.exitCode = options.replay ? replay(options) : campaign(options);
