/**
 * Every spelling of a key that a request, or a vendor's echo of it, can carry — built here on its own,
 * independently of main/vendors/http/redact.ts, so the tests do not check the redactor against itself.
 */
import { makeRedactor } from '../../main/vendors/http/redact';

export const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
export const formEncode = (s: string) => new URLSearchParams({ x: s }).toString().slice(2);
export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
export const asciiJson = (s: string, upper = false) =>
  JSON.stringify(s)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (c) => {
      const h = c.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? h.toUpperCase() : h}`;
    });

/** The base64 characters of `prefix + key + …` that depend on the key's bytes alone. */
export function b64Middle(prefix: string, key: string): string {
  const p = Buffer.byteLength(prefix, 'utf8');
  const n = Buffer.byteLength(key, 'utf8');
  return b64(`${prefix}${key}`).slice(Math.ceil((8 * p) / 6), Math.floor((8 * (p + n)) / 6));
}

/** Spelling name → the key so spelled (some contain the key inside a longer value, as sent). */
export function spellings(key: string): Record<string, string> {
  const enc = encodeURIComponent(key);
  return {
    raw: key,
    trimmed: key.trim(),
    encodeURIComponent: enc,
    lowerHex: lowerHex(enc),
    encodeURI: encodeURI(key),
    urlSearchParams: formEncode(key),
    urlSearchParamsLower: lowerHex(formEncode(key)),
    plusForSpace: enc.replace(/%20/g, '+'),
    doubleEncoded: encodeURIComponent(enc),
    json: JSON.stringify(key),
    jsonAscii: asciiJson(key),
    jsonAsciiUpper: asciiJson(key, true),
    jsonSlashes: JSON.stringify(key).replace(/\//g, '\\/'),
    jsonOfUrl: JSON.stringify({ url: `/x?key=${formEncode(key)}` }),
    jsonInsideJson: JSON.stringify(JSON.stringify({ key })),
    html: key.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'),
    base64: b64(key),
    base64NoPad: b64(key).replace(/=+$/, ''),
    base64Url: Buffer.from(key, 'utf8').toString('base64url'),
    base64UrlPadded: b64(key).replace(/\+/g, '-').replace(/\//g, '_'),
    basicAuth: `Basic ${b64(`user:${key}`)}`,
    basicAuthShift1: b64(`u:${key}`),
    basicAuthShift2: b64(`us:${key}:tail`),
    base64OfUrl: b64(`GET /api?token=${formEncode(key)} HTTP/1.1`),
    latin1Mojibake: Buffer.from(key, 'utf8').toString('latin1'),
    nfd: key.normalize('NFD'),
  };
}

/**
 * The spellings searched for in a text that should hold none: the ones that are themselves a whole
 * encoded key (not the wrappers above, whose surrounding words may legitimately appear).
 */
export function needles(key: string): [string, string][] {
  const s = spellings(key);
  const own = Object.entries(s).filter(
    ([name]) =>
      !['jsonOfUrl', 'jsonInsideJson', 'basicAuth', 'basicAuthShift1', 'basicAuthShift2', 'base64OfUrl'].includes(name),
  );
  // A base64 value inside a longer one keeps only its middle: search the middle of each whole spelling
  // (raw, percent-, form-, JSON-encoded, as a request carries it) at each alignment, standard and url-safe.
  const middles: [string, string][] = [];
  for (const [name, v] of own.filter(([n]) => !n.startsWith('base64'))) {
    for (const p of ['', 'u', 'us']) {
      const m = b64Middle(p, v);
      middles.push(
        [`base64 of ${name} (offset ${p.length})`, m],
        [`base64url of ${name} (offset ${p.length})`, m.replace(/\+/g, '-').replace(/\//g, '_')],
      );
    }
  }
  return [...own.filter(([, v]) => v.length >= 6), ...middles.filter(([, v]) => v.length >= 8)];
}

/** Where a text holds a key: each spelling found by name, plus whether decoding the text finds it. */
export function leaksIn(text: string, keys: readonly string[]): string[] {
  const found: string[] = [];
  for (const key of keys) {
    for (const [name, needle] of needles(key)) if (text.includes(needle)) found.push(`${name} of ${key}`);
  }
  if (makeRedactor(keys)(text) !== text) found.push('a decoded spelling (the redactor still finds one)');
  return found;
}
