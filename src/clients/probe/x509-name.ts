// Node's X509Certificate gives names as text, one attribute per line, values escaped as RFC 2253
// §2.4 says (https://www.rfc-editor.org/rfc/rfc2253#section-2.4): `\,` `\+` `\"` `\\` `\<` `\>`
// `\;`, a leading `\#` or `\ `, a trailing `\ `, and control characters as `\XX` hex. Several
// attributes of one multi-valued RDN share a line, joined by " + " (an unescaped "+").
// Reading that back gives the object Node's legacy certificate API builds: raw values by short
// name, an array when a name repeats — without that API's cost (DER copy, key, three digests).

/** A distinguished name as `getPeerCertificate()` has it: value by short name, repeats as arrays. */
export type NameObject = Record<string, string | string[]>;

const unescapeValue = (value: string) =>
  value.replace(/\\([0-9A-Fa-f]{2}|[\s\S])/g, (_, e: string) =>
    e.length === 2 ? String.fromCharCode(Number.parseInt(e, 16)) : e,
  );

/** Parses X509Certificate `subject`/`issuer` text into the legacy name object. */
export function parseX509Name(text: string | undefined): NameObject {
  const name: NameObject = Object.create(null);
  if (!text) return name;
  for (const line of text.split("\n")) {
    // A "+" inside a value is always escaped, so " + " only ever separates attributes.
    for (const attribute of line.split(" + ")) {
      const eq = attribute.indexOf("=");
      if (eq <= 0) continue;
      const key = attribute.slice(0, eq);
      const value = unescapeValue(attribute.slice(eq + 1));
      const prev = name[key];
      if (prev === undefined) name[key] = value;
      else if (Array.isArray(prev)) prev.push(value);
      else name[key] = [prev, value];
    }
  }
  return name;
}
