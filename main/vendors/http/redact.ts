/**
 * Secret redaction for every text that leaves a vendor client (error messages, log fields).
 *
 * A key can come back from a vendor in many spellings: raw, percent-encoded (encodeURIComponent,
 * encodeURI, URLSearchParams/form with `+` for space, upper-, lower- or mixed-case hex, partly
 * encoded), JSON-escaped (`\"`, `\\`, `\/`, `\u00e9`), HTML-escaped, base64 (standard or url-safe,
 * padded or not, alone or inside a longer encoded value such as `user:key`), and layered forms of
 * these (a percent-encoded key inside a JSON-escaped message, a double-encoded `%2541`).
 *
 * Two mechanisms cover that, and either alone masks the common spellings:
 *  1. Haystack normalisation: the text is decoded (percent, JSON, HTML escapes, up to three layers,
 *     each with a map back to the original characters) and the key is searched in every decoded view;
 *     a hit masks the original characters it came from, whatever their spelling.
 *  2. Generated spellings: every encoding a request can carry is computed up front and searched
 *     literally. Base64 cannot be normalised in the haystack, so its spellings are generated only:
 *     the whole value, and the alignment-independent middle of any base64 text that contains it.
 */
import { everywhere, urlLoginSpans } from './redact-everywhere';

export interface Redactor {
  /** The text with every secret masked. */
  (text: string): string;
  /**
   * At most `max` characters of the text (plus "…"), secrets masked. Only the start of the text is
   * searched, so a hostile megabyte costs no more than a short one, and the cut never halves a secret.
   */
  clip(text: string, max: number): string;
}

export const MASK = '***';

/** Secrets shorter than this are ignored: masking them would shred ordinary text. */
const MIN_SECRET = 4;
/** A base64 middle shorter than this could match ordinary words; the whole-value spellings remain. */
const MIN_BASE64_CORE = 8;
/** Decoding layers applied to a text (e.g. JSON escape over percent over percent). */
const MAX_LAYERS = 3;

const isHex = (s: string, width: number) => s.length === width && /^[0-9a-fA-F]+$/.test(s);

/** A text with, for each of its UTF-16 units, the span of original characters it was decoded from. */
interface View {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

type Decoder = (text: string) => { text: string; from: number[]; to: number[] } | null;

const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const formEncode = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);
const jsonInner = (s: string) => JSON.stringify(s).slice(1, -1);
const jsonAscii = (s: string) =>
  jsonInner(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function tryOr(fn: () => string): string | null {
  try {
    return fn();
  } catch {
    return null; // encodeURI and friends throw on lone surrogates
  }
}

/** The forms a secret may take before any encoding: as typed, trimmed, Unicode-normalised, mis-decoded. */
function baseForms(secret: string): string[] {
  const out = new Set<string>();
  for (const s of [secret, secret.trim()]) {
    out.add(s);
    out.add(s.normalize('NFC'));
    out.add(s.normalize('NFD'));
    // UTF-8 bytes read back as latin1 (a header echoed by a server that decodes bytes one by one).
    out.add(Buffer.from(s, 'utf8').toString('latin1'));
  }
  return [...out].filter((s) => s.length >= MIN_SECRET);
}

/** Every textual spelling of one form that a URL, a form body, a header or a JSON body can carry. */
function textSpellings(s: string): string[] {
  const out = new Set<string>([s]);
  for (const enc of [encodeURIComponent, encodeURI, formEncode]) {
    const e = tryOr(() => enc(s));
    if (e === null) continue;
    out.add(e);
    out.add(lowerHex(e));
    out.add(e.replace(/%20/g, '+'));
  }
  out.add(jsonInner(s));
  const ascii = jsonAscii(s);
  out.add(ascii);
  out.add(ascii.replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`));
  return [...out];
}

const toUrlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Base64 spellings of one textual spelling: the whole value (padded or not, standard or url-safe),
 * and for each of the three byte alignments the run of characters that depend on its bytes only,
 * which appears in the base64 of ANY text containing it (a Basic `user:key` header, for example).
 */
function base64Spellings(s: string): string[] {
  const bytes = Buffer.from(s, 'utf8');
  const out = new Set<string>();
  const whole = bytes.toString('base64');
  for (const b of [whole, toUrlSafe(whole)]) {
    out.add(b);
    out.add(b.replace(/=+$/, ''));
  }
  for (let offset = 0; offset < 3; offset++) {
    const enc = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = enc.slice(first, end);
    if (core.length < MIN_BASE64_CORE) continue;
    out.add(core);
    out.add(toUrlSafe(core));
  }
  return [...out];
}

/**
 * Every spelling of a secret that is searched literally (exported for tests). The normalised search
 * covers more (mixed-case hex, partly encoded, layered), so this list is a floor, not the whole rule.
 */
export function secretSpellings(secret: string): string[] {
  const out = new Set<string>();
  for (const form of baseForms(secret)) {
    for (const t of textSpellings(form)) {
      out.add(t);
      for (const b of base64Spellings(t)) out.add(b);
    }
  }
  return [...out].filter((s) => s.length >= MIN_SECRET);
}

// -- decoders (each returns null when it changes nothing) ---------------------------------------

/** Decodes a run of bytes as UTF-8 where valid, byte by byte as latin1 where not. */
function decodeBytes(bytes: number[], starts: number[], ends: number[], out: Decoded): void {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    let ok = len > 1 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    const chunk = ok ? Buffer.from(bytes.slice(i, i + len)).toString('utf8') : String.fromCharCode(b);
    const n = ok ? len : 1;
    if (chunk.includes('\ufffd')) {
      out.push(String.fromCharCode(b), starts[i] as number, ends[i] as number);
      i += 1;
      continue;
    }
    for (const unit of splitUnits(chunk)) out.push(unit, starts[i] as number, ends[i + n - 1] as number);
    i += n;
  }
}

const splitUnits = (s: string): string[] => Array.from({ length: s.length }, (_v, k) => s.charAt(k));

class Decoded {
  text = '';
  readonly from: number[] = [];
  readonly to: number[] = [];
  changed = false;
  push(unit: string, start: number, end: number): void {
    this.text += unit;
    this.from.push(start);
    this.to.push(end);
    if (end - start !== 1) this.changed = true;
  }
  result() {
    return this.changed ? { text: this.text, from: this.from, to: this.to } : null;
  }
}

/** %XX (any case, runs decoded as UTF-8) and %uXXXX. `+` for space is handled by the comparison. */
const decodePercent: Decoder = (text) => {
  if (!text.includes('%')) return null;
  const out = new Decoded();
  let i = 0;
  while (i < text.length) {
    const wide = text.slice(i + 2, i + 6);
    if (text[i] === '%' && (text[i + 1] === 'u' || text[i + 1] === 'U') && isHex(wide, 4)) {
      out.push(String.fromCharCode(Number.parseInt(wide, 16)), i, i + 6);
      i += 6;
      continue;
    }
    const bytes: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let j = i;
    while (text[j] === '%' && isHex(text.slice(j + 1, j + 3), 2)) {
      bytes.push(Number.parseInt(text.slice(j + 1, j + 3), 16));
      starts.push(j);
      ends.push(j + 3);
      j += 3;
    }
    if (bytes.length) {
      decodeBytes(bytes, starts, ends, out);
      i = j;
      continue;
    }
    out.push(text.charAt(i), i, i + 1);
    i += 1;
  }
  return out.result();
};

const JSON_SIMPLE: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  "'": "'",
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** JSON / JavaScript string escapes: `\"`, `\\`, `\/`, `\n`…, `\uXXXX` (any case), `\xHH`. */
const decodeJson: Decoder = (text) => {
  if (!text.includes('\\')) return null;
  const out = new Decoded();
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\\' && next) {
      const simple = JSON_SIMPLE[next];
      if (simple !== undefined) {
        out.push(simple, i, i + 2);
        i += 2;
        continue;
      }
      const width = next === 'u' ? 4 : next === 'x' ? 2 : 0;
      const hex = text.slice(i + 2, i + 2 + width);
      if (width && isHex(hex, width)) {
        out.push(String.fromCharCode(Number.parseInt(hex, 16)), i, i + 2 + width);
        i += 2 + width;
        continue;
      }
    }
    out.push(c, i, i + 1);
    i += 1;
  }
  return out.result();
};

const HTML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML character references: `&amp;`, `&quot;`, `&#39;`, `&#x27;` (an echo inside an error page). */
const decodeHtml: Decoder = (text) => {
  if (!text.includes('&')) return null;
  const out = new Decoded();
  const re = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/y;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = text.charAt(i) === '&' ? re.exec(text) : null;
    const ref = m?.[1];
    let ch: string | undefined;
    if (ref?.startsWith('#')) {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      ch = cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
    } else if (ref) ch = HTML_NAMED[ref.toLowerCase()];
    if (m && ch !== undefined) {
      for (const unit of splitUnits(ch)) out.push(unit, i, i + m[0].length);
      i += m[0].length;
      continue;
    }
    out.push(text.charAt(i), i, i + 1);
    i += 1;
  }
  return out.result();
};

const DECODERS: readonly Decoder[] = [decodePercent, decodeJson, decodeHtml];

/** The text itself and every distinct decoded view of it, each mapped back to the original. */
function viewsOf(text: string): View[] {
  const identity = Int32Array.from({ length: text.length }, (_v, k) => k);
  const first: View = { text, from: identity, to: identity.map((k) => k + 1) };
  const views = [first];
  const seen = new Set([text]);
  let layer = [first];
  for (let depth = 0; depth < MAX_LAYERS && layer.length; depth++) {
    const next: View[] = [];
    for (const v of layer) {
      for (const decode of DECODERS) {
        const d = decode(v.text);
        if (!d || seen.has(d.text)) continue;
        seen.add(d.text);
        // Compose: a decoded unit spans what its source units spanned in the original text.
        const from = Int32Array.from(d.from, (s) => v.from[s] as number);
        const to = Int32Array.from(d.to, (e) => v.to[e - 1] as number);
        next.push({ text: d.text, from, to });
      }
    }
    views.push(...next);
    layer = next;
  }
  return views;
}

/**
 * The comparison form, one unit per unit so positions still map: `+` and space are one character (form
 * encoding), and letters are compared without case (a vendor that shouts the key back still leaks it).
 */
function canon(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  const lower = spaced.toLowerCase();
  if (lower.length === spaced.length) return lower;
  let out = '';
  for (const unit of splitUnits(spaced)) {
    const l = unit.toLowerCase();
    out += l.length === 1 ? l : unit;
  }
  return out;
}

/** Merges overlapping or touching spans (sorted by start). */
function merge(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** `text` up to `end`, each span replaced by the mask. */
function applyMask(text: string, spans: readonly [number, number][], end: number): string {
  let out = '';
  let pos = 0;
  for (const [start, stop] of spans) {
    if (start >= end) break;
    out += text.slice(pos, start) + MASK;
    pos = stop;
  }
  return out + text.slice(pos, Math.max(pos, end));
}

/**
 * Returns a redactor that replaces every secret, in any of the spellings above, with ***; also the
 * secrets given to setRedactedEverywhere (the proxy password) and, with `proxyUrls`, the login of any proxy URL.
 * Hits that overlap or touch are masked as one.
 */
export function makeRedactor(secrets: readonly string[], opts: { proxyUrls?: boolean } = {}): Redactor {
  const urls = opts.proxyUrls ?? false;
  let compiled = compile([...secrets, ...everywhere.secrets], urls);
  let version = everywhere.version;
  const current = () => {
    if (version !== everywhere.version) {
      compiled = compile([...secrets, ...everywhere.secrets], urls);
      version = everywhere.version;
    }
    return compiled;
  };
  const redact = (text: string): string => current()(text);
  return Object.assign(redact, { clip: (text: string, max: number) => current().clip(text, max) });
}

function compile(secrets: readonly string[], urls: boolean): Redactor {
  const plain = new Set<string>();
  const literal = new Set<string>();
  let longest = 0;
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET) continue;
    for (const f of baseForms(s)) plain.add(canon(f));
    for (const sp of secretSpellings(s)) literal.add(sp);
    longest = Math.max(longest, s.length);
  }
  const plainList = [...plain];
  const literalList = [...literal];
  // The longest text one occurrence can take: 3 layers of percent-encoding of 4-byte characters.
  const reach = Math.max(4096, longest * 64);

  const spansOf = (text: string): [number, number][] => {
    const spans: [number, number][] = urls ? urlLoginSpans(text) : [];
    if (plainList.length === 0 || text.length < MIN_SECRET) return merge(spans);
    for (const n of literalList) {
      for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) spans.push([at, at + n.length]);
    }
    for (const v of viewsOf(text)) {
      const hay = canon(v.text);
      for (const n of plainList) {
        for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) {
          spans.push([v.from[at] as number, v.to[at + n.length - 1] as number]);
        }
      }
    }
    return merge(spans);
  };

  const redact = (text: string): string => {
    if (typeof text !== 'string') return text;
    const spans = spansOf(text);
    return spans.length ? applyMask(text, spans, text.length) : text;
  };
  const clip = (text: string, max: number): string => {
    if (text.length <= max) return redact(text);
    // Every occurrence that starts before the cut ends within `reach` of it: search that far only.
    const spans = spansOf(text.slice(0, max + reach));
    let cut = max;
    for (const [start, end] of spans) if (start < cut && end > cut) cut = start;
    return `${applyMask(text, spans, cut)}…`;
  };
  return Object.assign(redact, { clip });
}
