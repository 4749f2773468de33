// An e-mail address inside free text (RDAP remarks), found in linear time. The obvious regex,
// /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, restarts its unbounded local part at every character of a
// long line without "@" and takes seconds on a few hundred kilobytes; this walks out from
// each "@" instead, and the runs it walks never overlap.

const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const DOT = 46;
const isLocal = (c: number): boolean => isWord(c) || c === DOT || c === 43 || c === 45; // . + -
const isLabel = (c: number): boolean => isWord(c) || c === 45; // -

/** The first address of the form local@label.label… in `text`, or null. */
export function findEmail(text: string): string | null {
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && isLocal(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    let end = at + 1;
    let labels = 0;
    for (;;) {
      let i = end;
      while (i < text.length && isLabel(text.charCodeAt(i))) i++;
      if (i === end) break; // an empty label ends the domain (before it)
      labels++;
      end = i;
      if (text.charCodeAt(end) !== DOT || !isLabel(text.charCodeAt(end + 1))) break;
      end++;
    }
    if (labels >= 2) return text.slice(start, end);
  }
  return null;
}
