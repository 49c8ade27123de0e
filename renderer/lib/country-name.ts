/**
 * Country names in the UI language from the ISO 3166-1 alpha-2 codes the core stores ("DE" →
 * "Germany" / "德国"), with Intl.DisplayNames. A value that is not a two-letter code is shown as sent.
 */
const cache = new Map<string, Intl.DisplayNames | null>();

function namesFor(lang: string): Intl.DisplayNames | null {
  let names = cache.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    cache.set(lang, names);
  }
  return names;
}

export function countryName(code: string | null, lang: string): string | null {
  if (!code) return null;
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return namesFor(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Distinct codes of `values`, as { code, name }, sorted by name in the UI language. */
export function countryOptions(values: Iterable<string | null>, lang: string): Array<{ code: string; name: string }> {
  const codes = [...new Set([...values].filter((c): c is string => !!c))];
  return codes
    .map((code) => ({ code, name: countryName(code, lang) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, lang) || a.code.localeCompare(b.code));
}
