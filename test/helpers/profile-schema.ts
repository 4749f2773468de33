// Validates hostscan's JSON output against the schema in the repository (schema/), so every
// golden profile and every CLI test's output is checked against the published contract.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

let validator: ValidateFunction | null = null;

function validate(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(
      readFileSync(new URL("../../schema/profile.schema.json", import.meta.url), "utf8"),
    ) as object;
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  }
  return validator;
}

/** Throws, naming every violation, unless the value is a valid `hostscan/profile@1`. */
export function assertValidProfile(value: unknown): void {
  const check = validate();
  if (!check(value)) {
    const where = (value as { target?: unknown })?.target;
    throw new Error(
      `profile for ${String(where)} does not match schema/profile.schema.json:\n${JSON.stringify(check.errors, null, 2)}`,
    );
  }
}

/** The output format the arguments ask for (json, ndjson, or another). */
export function formatOfArgs(args: string[]): string {
  let format = "table";
  args.forEach((a, i) => {
    if (a === "--json") format = "json";
    else if (a === "--ndjson") format = "ndjson";
    else if (a === "-f" || a === "--format") format = args[i + 1] ?? format;
    else if (a.startsWith("--format=")) format = a.slice("--format=".length);
  });
  return format;
}

/** Validates every profile in JSON or NDJSON output; other formats are left alone. */
export function assertValidOutput(args: string[], stdout: string): void {
  const format = formatOfArgs(args);
  if (!stdout.trim() || (format !== "json" && format !== "ndjson")) return;
  const values: unknown[] =
    format === "ndjson"
      ? stdout
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l))
      : [JSON.parse(stdout)].flat();
  // Subcommands print their own documents (hostscan/summary@1, …): only profiles are checked here.
  for (const v of values) {
    const schema = (v as { schema?: unknown } | null)?.schema;
    if (schema === undefined || schema === "hostscan/profile@1") assertValidProfile(v);
  }
}
