// A resolver that never answers (no network, a wrong --resolver) must not cost every target a
// full timeout per question: after enough lookups in a row got no reply at all, later ones fail
// at once with the same code, while one at a time is still asked so the run recovers.
import type { LogSink } from "../log.js";
import { failedAnswer } from "./answer.js";
import type { DnsAnswer, RecordType } from "./types.js";

/** Counts lookups without any reply and decides when to stop waiting for more. */
export class SilentResolver {
  private streak = 0;
  private probing = false;
  private warned = false;

  constructor(
    private readonly limit: number,
    private readonly servers: string,
    private readonly log?: LogSink,
  ) {}

  /** A TIMEOUT answer without asking, while the servers are known to be silent; else null. */
  skip(name: string, type: RecordType): DnsAnswer | null {
    if (this.streak < this.limit) return null;
    if (!this.probing) {
      this.probing = true; // this lookup is the one still asked
      return null;
    }
    const why = `no reply from ${this.servers} to the last ${this.streak} lookups: not asked`;
    return failedAnswer(name, type, "TIMEOUT", why, null, 0);
  }

  /** Records whether a finished lookup got any reply at all, and if not, why (its message). */
  record(replied: boolean, why: string | null): void {
    this.probing = false;
    if (replied) {
      this.streak = 0;
      this.warned = false;
      return;
    }
    this.streak += 1;
    if (this.streak >= this.limit && !this.warned) {
      this.warned = true;
      this.log?.(
        "warn",
        `DNS server ${this.servers} did not answer ${this.streak} lookups in a row (last: ${why ?? "no reply"}); the rest fail at once (TIMEOUT) until it answers again`,
      );
    }
  }
}
