import { describe, expect, it } from 'vitest';
import { BaseVendorClient } from '../../main/vendors/base-client';
import { VendorError } from '../../main/vendors/errors';
import { MASK, makeRedactor, secretSpellings } from '../../main/vendors/http/redact';
import { HttpTransport } from '../../main/vendors/http/transport';
import { ProxyshardApi } from '../../main/vendors/proxyshard/api';
import { settleWrite } from '../../main/vendors/write-outcome';
import { quoteRenewal, type YpContext } from '../../main/vendors/youproxy/renew';
import { asciiJson, b64, formEncode as form, lowerHex, spellings } from '../helpers/key-spellings';

/** Keys made of each special-character set a vendor key could hold. */
const KEYS = {
  specials: "k~!'()*+=:@$é ß/?#&%Key9",
  unreserved: 'Az09-._~Az09-._~',
  literalEscape: 'key%41%2Bvalue%zz%',
  spaces: 'key with  two spaces',
  jsonHostile: 'k"\\q\u00e9\u2028end"',
  astral: 'k😀漢字key-ß',
  padded: '  padded-key-123\n',
} as const;

/** A small deterministic PRNG (mulberry32): the same "random" spellings on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each character raw or percent-encoded at random, hex in random case, spaces as '+' or %20. */
function randomSpelling(key: string, rand: () => number): string {
  let out = '';
  for (const ch of key) {
    const r = rand();
    if (ch === ' ') out += r < 0.5 ? '+' : '%20';
    else if (r < 0.4 && !/[%+]/.test(ch)) out += ch;
    else {
      for (const byte of Buffer.from(ch, 'utf8')) {
        const hex = byte.toString(16).padStart(2, '0');
        out += `%${[...hex].map((c) => (rand() < 0.5 ? c.toUpperCase() : c)).join('')}`;
      }
    }
  }
  return out;
}

describe('makeRedactor', () => {
  for (const [name, key] of Object.entries(KEYS)) {
    it(`masks every spelling of a key with ${name}`, () => {
      const redact = makeRedactor([key]);
      for (const [form, spelled] of Object.entries(spellings(key))) {
        const out = redact(`before ${spelled} after`);
        expect(out, `${form}: ${out}`).toContain(MASK);
        expect(out, form).toMatch(/^before /);
        expect(out, form).toMatch(/ after$/);
        // No spelling of the key survives, in the text or in any spelling of its own.
        for (const [other, s] of Object.entries(spellings(key))) {
          if (s.length >= 6) expect(out.includes(s), `${form} still holds ${other}: ${out}`).toBe(false);
        }
      }
    });

    it(`masks random mixes of raw and encoded characters of a key with ${name} (haystack normalisation)`, () => {
      const redact = makeRedactor([key]);
      const rand = prng(key.length * 7919);
      const generated = new Set(secretSpellings(key));
      let beyondTheList = 0;
      for (let i = 0; i < 60; i++) {
        const spelled = randomSpelling(key.trim(), rand);
        if (!generated.has(spelled)) beyondTheList += 1;
        expect(redact(`?a=1&key=${spelled}&b=2`), spelled).toBe(`?a=1&key=${MASK}&b=2`);
      }
      // Most of these spellings are in no precomputed list: only decoding the text finds them.
      expect(beyondTheList).toBeGreaterThan(30);
    });
  }

  it('the generated list holds every request encoding of the key and the base64 middles', () => {
    const key = KEYS.specials;
    const list = secretSpellings(key);
    for (const s of [encodeURIComponent(key), lowerHex(form(key)), asciiJson(key), b64(key), encodeURI(key)]) {
      expect(list).toContain(s);
    }
    // Base64 inside a longer value: the alignment-independent middle is in the list for each offset.
    for (const prefix of ['', 'u', 'us']) {
      const whole = b64(`${prefix}${key}`);
      expect(list.some((core) => core.length >= 8 && whole.includes(core))).toBe(true);
    }
  });

  it('leaves ordinary text alone: escapes, base64 and words that are not the key', () => {
    const redact = makeRedactor(Object.values(KEYS));
    const texts = [
      'ProxyShard refused the request: 100% of the traffic is used & the plan ended.',
      '{"message":"invalid \\"period\\" at \\u00e9tape 3","path":"/user/api/orders?x=1+2"}',
      `Basic ${b64('someone:else-entirely')} and %41%42 and &amp; &#39;`,
      'key with one space',
    ];
    for (const t of texts) expect(redact(t)).toBe(t);
  });

  it('ignores secrets shorter than four characters and masks a key that contains another whole', () => {
    expect(makeRedactor(['abc', ''])('abc abc')).toBe('abc abc');
    const redact = makeRedactor(['inner-key', 'outer-inner-key-x']);
    expect(redact('a outer-inner-key-x b inner-key c')).toBe(`a ${MASK} b ${MASK} c`);
  });

  it('masks a key echoed in another letter case, plain or encoded', () => {
    const key = "k~!'()*+=:@$é/?#&%Key9"; // no ß: its upper case is two letters, another word
    const redact = makeRedactor([key]);
    expect(redact(`KEY ${key.toUpperCase()} END`)).toBe(`KEY ${MASK} END`);
    expect(redact(`key=${form(key).toLowerCase()}`)).toBe(`key=${MASK}`);
  });

  it('masks the same key twice in one text, and adjacent spellings as one', () => {
    const key = KEYS.specials;
    const redact = makeRedactor([key]);
    expect(redact(`${key} and ${form(key)}`)).toBe(`${MASK} and ${MASK}`);
    expect(redact(`${key}${encodeURIComponent(key)}`)).toBe(MASK);
  });

  it('clip: keeps at most the asked length, never cuts a key in half, and masks what it keeps', () => {
    const key = KEYS.specials;
    const redact = makeRedactor([key]);
    const text = `${'x'.repeat(95)}${form(key)}${'y'.repeat(5000)}`;
    const clipped = redact.clip(text, 100);
    expect(clipped).toBe(`${'x'.repeat(95)}…`);
    const whole = redact.clip(`${form(key)} ${'z'.repeat(50)}`, 200);
    expect(whole).toBe(`${MASK} ${'z'.repeat(50)}`);
    // A hostile megabyte costs what its first few kilobytes cost.
    const big = `${form(key)} ${'%41\\u0041&amp;'.repeat(100_000)}`;
    const started = Date.now();
    const out = redact.clip(big, 1000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out.startsWith(`${MASK} `)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(1001);
  });
});

describe('HttpTransport.error', () => {
  const key = KEYS.specials;
  const t = new HttpTransport({ vendor: 'thordata', baseUrl: 'http://127.0.0.1:9', secrets: [key] });

  it('redacts the vendor message, the detail, the sentence and a vendor code given as text', () => {
    const e = t.error('vendor_rejected', {
      message: `bad token ${form(key)}`,
      detail: `Sent ${lowerHex(encodeURIComponent(key))}.`,
      sentence: `Tried ${asciiJson(key)}.`,
      vendorCode: `E-${key}`,
    });
    const all = JSON.stringify({ message: e.message, app: e.toAppError() });
    for (const s of Object.values(spellings(key))) if (s.length >= 6) expect(all).not.toContain(s);
    expect(e.vendorCode).toBe(`E-${MASK}`);
    expect(e.message).toContain(`bad token ${MASK}`);
  });

  it('cuts a vendor message of a megabyte to a readable length, after redaction', () => {
    const e = t.error('vendor_rejected', { message: `${form(key)} ${'a'.repeat(1_000_000)}` });
    expect(e.message.length).toBeLessThan(1200);
    expect(e.message).toContain(MASK);
  });
});

describe('vendor texts outside the error envelope', () => {
  const key = KEYS.specials;
  const http = new HttpTransport({ vendor: 'proxyshard', baseUrl: 'http://127.0.0.1:9', secrets: [key] });

  it("ProxyShard's plain-text error is redacted before it is cut to 200 characters (no half key)", () => {
    const api = new ProxyshardApi(http, {});
    const e = api.errorFor(400, undefined, `${'x'.repeat(190)}${form(key)} and more`);
    expect(e.message).not.toContain(form(key).slice(0, 10));
    expect(e.message).toContain('x'.repeat(190));
  });

  it("YouProxy's price-check warnings (an answer that claims success) are redacted", async () => {
    const target = { kind: 'ip' as const, id: '1', label: '1.2.3.4', expiresAt: null };
    const ctx: YpContext = {
      http,
      clock: () => new Date(0),
      post: async () => ({ success: true, price: 1, warnings: [{ code: 9, message: `bad key ${form(key)}` }] }),
      settle: (fn) => settleWrite('youproxy', () => false, fn),
      parse: (_what, fn) => fn(),
      fetchIps: async () => [],
      getBalance: async () => ({ money: null, trafficBytes: null, notes: [] }) as never,
      grouped: async () => ({
        groups: [{ proxyType: 'IPv4', by: 'ip', ids: ['1'], targets: [target], ipCount: 1 }],
        unknown: [],
        widenings: [],
        ips: [],
      }),
      periodDays: () => 30,
    };
    const q = await quoteRenewal(ctx, { targets: [target], periodId: '30' });
    expect(q.warnings.map((w) => w.message)).toEqual([`bad key ${MASK}`]);
  });

  it('a connection check redacts any error message once more, whoever built the error', async () => {
    class Probe extends BaseVendorClient {
      readonly vendor = 'proxyshard' as const;
      readonly capabilities = new Set<never>();
      protected readonly http = http;
      protected readonly refusals = () => false;
      protected readonly clock = () => new Date(0);
      check(fn: () => Promise<never>) {
        return this.checkWith(fn);
      }
    }
    const built = new VendorError('proxyshard', 'vendor_rejected', { message: `no ${lowerHex(form(key))}` });
    const check = await new Probe().check(async () => {
      throw built;
    });
    expect(check).toEqual({
      ok: false,
      code: 'vendor_rejected',
      message: `ProxyShard refused the request: no ${MASK}`,
    });
  });
});
