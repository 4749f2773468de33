// Mutations of real inputs, as AFL-style fuzzers make them: characters (or bytes) flipped,
// inserted and deleted, runs repeated until they are long, pieces of another input spliced in,
// and tokens that parsers treat specially. Driven by a seeded generator, so a campaign replays.

const TOKENS = [
  "@",
  ".",
  ":",
  "abuse",
  "abuse@",
  "mailto:",
  "tel:",
  "https://",
  "\n",
  "\r\n",
  "\t",
  " ",
  "[",
  "{",
  '"',
  "\\",
  "%",
  "#",
  "=",
  ";",
  ",",
  "|",
  "xn--",
  "\u0000",
  "\u001b[2J",
  "\u009b",
  "\u202e",
  "\u2066",
  "\ud800",
  "😀",
  '{"toString":0,"valueOf":0}',
  "Name Server:",
  "Domain Status:",
  "Registrar:",
  "status: free",
];

const BYTES = [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xff];

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function mutateText(
  text: string,
  corpus: readonly (string | Uint8Array)[],
  rand: () => number,
  maxLength: number,
) {
  const at = Math.floor(rand() * (text.length + 1));
  const span = Math.floor(rand() * Math.min(64, text.length - at + 1));
  switch (Math.floor(rand() * 7)) {
    case 0: // insert a token
      return text.slice(0, at) + pick(TOKENS, rand) + text.slice(at);
    case 1: // delete a span
      return text.slice(0, at) + text.slice(at + span);
    case 2: // replace a character with any code unit
      return (
        text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x10000)) + text.slice(at + 1)
      );
    case 3: {
      // repeat a span (or a token) many times: long runs are where backtracking hides
      const piece = text.slice(at, at + Math.max(1, span)) || pick(TOKENS, rand);
      const times = 1 + Math.floor(rand() ** 3 * (maxLength / piece.length));
      return text.slice(0, at) + piece.repeat(times) + text.slice(at);
    }
    case 4: {
      // splice in part of another input
      const other = pick(corpus, rand);
      const o = typeof other === "string" ? other : Buffer.from(other).toString("latin1");
      const from = Math.floor(rand() * (o.length + 1));
      return (
        text.slice(0, at) + o.slice(from, from + 1 + Math.floor(rand() * 512)) + text.slice(at)
      );
    }
    case 5: // change case of a span
      return text.slice(0, at) + text.slice(at, at + span).toUpperCase() + text.slice(at + span);
    default: // cut the end off
      return text.slice(0, at);
  }
}

function mutateBytes(
  bytes: Uint8Array,
  corpus: readonly (string | Uint8Array)[],
  rand: () => number,
  maxLength: number,
) {
  const b = [...bytes];
  const at = Math.floor(rand() * (b.length + 1));
  switch (Math.floor(rand() * 6)) {
    case 0: // flip a bit
      if (at < b.length) b[at] = (b[at] as number) ^ (1 << Math.floor(rand() * 8));
      break;
    case 1: // set an interesting byte
      if (at < b.length) b[at] = pick(BYTES, rand);
      break;
    case 2: // insert bytes
      b.splice(
        at,
        0,
        ...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(BYTES, rand)),
      );
      break;
    case 3: // delete bytes
      b.splice(at, 1 + Math.floor(rand() * 8));
      break;
    case 4: {
      // repeat a span (pointer chains, many records)
      const span = b.slice(at, at + 1 + Math.floor(rand() * 16));
      const times = 1 + Math.floor(rand() * 64);
      b.splice(at, 0, ...Array.from({ length: times }, () => span).flat());
      break;
    }
    default: {
      const other = pick(corpus, rand);
      if (typeof other !== "string") b.splice(at, 0, ...other.slice(0, 64));
    }
  }
  return Uint8Array.from(b.slice(0, maxLength));
}

/** One to eight mutations of `input`, at most `maxLength` long. */
export function mutate(
  input: string | Uint8Array,
  corpus: readonly (string | Uint8Array)[],
  rand: () => number,
  maxLength: number,
): string | Uint8Array {
  let out = input;
  const rounds = 1 + Math.floor(rand() * 8);
  for (let r = 0; r < rounds; r++) {
    out =
      typeof out === "string"
        ? mutateText(out, corpus, rand, maxLength).slice(0, maxLength)
        : mutateBytes(out, corpus, rand, maxLength);
  }
  return out;
}
