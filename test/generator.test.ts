// Every profile says what made it: hostscan's version, the fingerprint dataset's, the catalogue's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../src/catalogue/index.js";
import { FINGERPRINT_DATASET } from "../src/judge/fingerprints/dataset.js";
import { catalogueDigest, generatorInfo } from "../src/scan/generator.js";

const manifest = (path: string) => JSON.parse(readFileSync(path, "utf8")) as { version: string };

describe("generator", () => {
  it("names hostscan's version and the shipped fingerprint snapshot's", () => {
    const g = generatorInfo();
    expect(g.name).toBe("hostscan");
    expect(g.version).toBe(manifest(new URL("../package.json", import.meta.url).pathname).version);
    expect(g.fingerprints).toBe(`webappanalyzer@${FINGERPRINT_DATASET.version}`);
    expect(g.catalogue).toMatch(/^sha256:[0-9a-f]{12}$/);
  });

  it("gives the catalogue a new digest when any entry changes", () => {
    const before = catalogueDigest();
    const entry = CATALOGUE[0] as { name: string };
    const name = entry.name;
    try {
      entry.name = `${name} (changed)`;
      expect(catalogueDigest()).not.toBe(before);
    } finally {
      entry.name = name;
    }
    expect(catalogueDigest()).toBe(before);
  });
});
