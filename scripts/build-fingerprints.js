// Builds data/webappanalyzer/fingerprints.json from the vendored snapshot beside it (run by
// `npm run fingerprints`, after a build: the packing code is the CLI's own, in dist/).
import { readFileSync, writeFileSync } from "node:fs";
import { prepareFingerprints } from "../dist/judge/fingerprints/prepare.js";

const dir = new URL("../data/webappanalyzer/", import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(`snapshot/${name}`, dir), "utf8"));
const file = prepareFingerprints(read("technologies.json"), read("categories.json"));
const text = `${JSON.stringify(file)}\n`;
writeFileSync(new URL("fingerprints.json", dir), text);
const count = Object.keys(file.technologies).length;
process.stdout.write(`fingerprints.json: ${count} technologies, ${text.length} bytes\n`);
