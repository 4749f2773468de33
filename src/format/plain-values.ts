import { domainToUnicode } from "node:url";

/** "2019-03-14" from an ISO 8601 time; other text as given. */
export function humanDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  return m?.[1] ?? value;
}

let regions: Intl.DisplayNames | null | undefined;

/** "FR (France)" for a two-letter country code; other text as given. */
export function countryText(code: string | null | undefined): string | null {
  if (!code) return null;
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  if (regions === undefined) {
    try {
      regions = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      regions = null;
    }
  }
  let name: string | undefined;
  try {
    name = regions?.of(code.toUpperCase());
  } catch {
    name = undefined;
  }
  return name && name.toUpperCase() !== code.toUpperCase()
    ? `${code.toUpperCase()} (${name})`
    : code;
}

/** The host with its Unicode form beside the punycode, when it has one ("xn--bcher-kva.de (bücher.de)"). */
export function hostText(host: string): string {
  if (!host.split(".").some((label) => label.startsWith("xn--"))) return host;
  const unicode = domainToUnicode(host);
  return unicode && unicode !== host ? `${host} (${unicode})` : host;
}
