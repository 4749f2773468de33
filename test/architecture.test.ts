import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The layering rules of ARCHITECTURE.md, checked on the source text: every relative import
// (static, type-only or dynamic) is an edge.
const SRC = resolve(import.meta.dirname, "../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, ".ts"))));
}

const graph = new Map(files(SRC).map((f) => [relative(SRC, f), importsOf(f)]));

/** One import circle as a path of files, or null. */
function findCycle(): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe("source layout", () => {
  it("every import resolves to a file of src/", () => {
    const missing = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => !graph.has(d)).map((d) => `${f} → ${d}`),
    );
    expect(missing).toEqual([]);
  });

  it("has no import circle", () => {
    expect(findCycle()).toBeNull();
  });

  it("protocol clients import nothing above src/clients (src/util is shared below all)", () => {
    const upward = [...graph]
      .filter(([f]) => f.startsWith("clients/"))
      .flatMap(([f, deps]) =>
        deps
          .filter((d) => !d.startsWith("clients/") && !d.startsWith("util/"))
          .map((d) => `${f} → ${d}`),
      );
    expect(upward).toEqual([]);
  });

  it("detectors and fingerprints (the judges) do no I/O: no client, source or scan imports", () => {
    const io = [...graph]
      .filter(([f]) => f.startsWith("judge/"))
      .flatMap(([f, deps]) =>
        deps
          .filter((d) =>
            /^(clients\/(dns|rdap|whois|asn|probe|net|cache)|sources\/(?!evidence)|scan\/|cli\/)/.test(
              d,
            ),
          )
          .map((d) => `${f} → ${d}`),
      );
    expect(io).toEqual([]);
  });

  it("only src/cli/ reads the process (argv, env, stdio, exit code)", () => {
    const offenders = [...graph.keys()]
      .filter((f) => !f.startsWith("cli/"))
      .filter((f) =>
        /process\.(argv|env|stdout|stderr|stdin|exit)/.test(readFileSync(join(SRC, f), "utf8")),
      );
    expect(offenders).toEqual([]);
  });
});
