import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The test PKI in test/fixtures/certs (made by its generate.sh): a root CA, an intermediate,
// and leaves signed by it; every leaf shares leaf.key.
const dir = fileURLToPath(new URL("../fixtures/certs/", import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, "utf8");

export type LeafKind = "valid" | "expired" | "wrong-name" | "self-signed";

/** Certificates and key for a test server; `cert` includes the intermediate where one exists. */
export interface TestCert {
  cert: string;
  key: string;
}

/** The root CA (PEM) to trust in tests: pass as the probe client's extra `ca`. */
export function testRootCa(): string {
  return read("root.pem");
}

/** A leaf for a local HTTPS server. valid: site.test, *.site.test, public.example, 127.0.0.1. */
export function testCert(kind: LeafKind): TestCert {
  const leaf = read(`${kind}.pem`);
  const chain = kind === "self-signed" ? leaf : `${leaf}${read("inter.pem")}`;
  return { cert: chain, key: read("leaf.key") };
}
