// Saved profiles from text chunks: each record parsed and checked, each bad one reported by
// line and skipped, never thrown.
import { type SavedProfile, savedProfile } from "./saved-profile.js";
import { type RecordProblem, splitRecords } from "./split-records.js";

/** Why a record was skipped. */
export type SkipCode = RecordProblem | "MALFORMED_JSON" | "NOT_A_PROFILE";

export type SavedItem =
  | { line: number; profile: SavedProfile }
  | { line: number; skipped: SkipCode };

/** Every profile in the input, in order, with a `skipped` item for each record that is not one. */
export async function* readSaved(chunks: AsyncIterable<string>): AsyncGenerator<SavedItem> {
  for await (const raw of splitRecords(chunks)) {
    if ("problem" in raw) {
      yield { line: raw.line, skipped: raw.problem };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw.text);
    } catch {
      yield { line: raw.line, skipped: "MALFORMED_JSON" };
      continue;
    }
    // A stream may hold whole arrays too (`cat a.json b.json`): their elements are records.
    for (const item of Array.isArray(value) ? value : [value]) {
      const profile = savedProfile(item);
      yield profile ? { line: raw.line, profile } : { line: raw.line, skipped: "NOT_A_PROFILE" };
    }
  }
}
