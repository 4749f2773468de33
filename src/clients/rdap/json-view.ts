// A stranger's JSON read by type: a string is a string, a number a number, anything else is
// absent. No member is ever converted with String()/Number() (an object whose toString is not
// a function throws; a deeply nested array overflows the stack in join()), and every member of
// the wrong type is noted with its path, so a decoder says what it ignored and keeps the rest.

// A member name as it appears in a note: the stranger chose it, so it is cut and made printable.
function printable(key: string): string {
  const cut = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return cut.replace(/[^\x20-\x7e…]/g, "?");
}

/** Most type problems one document notes; a hostile answer could have thousands. */
const MAX_NOTES = 20;

/** Where one document's type problems are collected ("links[0].rel is not a string"). */
export class JsonNotes {
  readonly list: string[] = [];
  add(path: string, what: string): void {
    if (this.list.length < MAX_NOTES && !this.list.includes(`${path} ${what}`)) {
      this.list.push(`${path} ${what}`);
    }
  }
}

/** A JSON value at a path, with typed accessors that note (never throw on) the wrong type. */
export class JsonView {
  constructor(
    readonly value: unknown,
    readonly path: string,
    /** Where this document's type problems are noted. */
    readonly notes: JsonNotes,
  ) {}

  /** The root of a document. */
  static root(value: unknown, notes = new JsonNotes()): JsonView {
    return new JsonView(value, "", notes);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  get isObject(): boolean {
    return typeof this.value === "object" && this.value !== null && !Array.isArray(this.value);
  }

  /** A member of an object (absent when this is not an object or has no such own member). */
  get(key: string): JsonView {
    const v = this.value;
    const own =
      typeof v === "object" && v !== null && !Array.isArray(v) && Object.hasOwn(v, key)
        ? (v as Record<string, unknown>)[key]
        : undefined;
    const name = printable(key);
    return new JsonView(own, this.path ? `${this.path}.${name}` : name, this.notes);
  }

  /** The i-th member of an array (absent otherwise). */
  at(i: number): JsonView {
    const v = this.value;
    return new JsonView(Array.isArray(v) ? v[i] : undefined, `${this.path}[${i}]`, this.notes);
  }

  /** The first `max` members of an array; a present non-array is noted and gives none. */
  list(max: number): JsonView[] {
    const v = this.value;
    if (!Array.isArray(v)) {
      if (this.present) this.note("is not an array");
      return [];
    }
    const n = Math.min(v.length, max);
    const out: JsonView[] = [];
    for (let i = 0; i < n; i++) out.push(this.at(i));
    return out;
  }

  /** The value when it is a string; a present non-string is noted. */
  string(): string | null {
    if (typeof this.value === "string") return this.value;
    if (this.present) this.note("is not a string");
    return null;
  }

  /** The value as text when it is a string or a finite number ("292" or 292); else null, noted. */
  text(): string | null {
    const v = this.value;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    return this.string();
  }

  /** The value when it is a number or a string that reads as one (jCard parameters are strings). */
  number(): number | null {
    const v = this.value;
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v === "string" && v.length <= 40) {
      const n = Number(v.trim());
      if (v.trim() !== "" && Number.isFinite(n)) return n;
    }
    if (this.present) this.note("is not a number");
    return null;
  }

  /** The value when it is a boolean; a present non-boolean is noted. */
  boolean(): boolean | null {
    if (typeof this.value === "boolean") return this.value;
    if (this.present) this.note("is not a boolean");
    return null;
  }

  /** A string, or the strings of an array of them (jCard `type` parameters take both forms). */
  strings(max: number): string[] {
    if (typeof this.value === "string") return [this.value];
    return this.list(max)
      .map((m) => m.string())
      .filter((s): s is string => s !== null);
  }

  /** Records that this member has the wrong shape. */
  note(what: string): void {
    this.notes.add(this.path || "(document)", what);
  }
}
