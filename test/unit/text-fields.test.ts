/**
 * Every user text field of the IPC contract refuses a lone UTF-16 surrogate (half of an emoji's
 * pair) with a plain message naming the field, through the real dispatcher and channel schemas;
 * well-formed emoji, CJK and astral characters stay accepted. The renderer shows the same rule's
 * message in English and Chinese.
 */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import {
  isWellFormedText,
  type TextField,
  toWellFormedText,
  UNSAVABLE_TEXT,
  wellFormedText,
} from '../../preload/contract/schemas';
import { i18n } from '../../renderer/i18n';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { validateCredential, validateLabel, validateText } from '../../renderer/lib/validation';

const ID = '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11';

/** Lone halves as a cut-off paste or a broken tool leaves them (😀 is \ud83d\ude00). */
const LONE = ['\ud83d', '\ude00', 'ab\ud800', '\udfffab', 'a\ude00\ud83db', 'x😀\ud83d'];
/** Well-formed text that must stay accepted (no spaces, so it also fits a credential). */
const FINE = ['😀', '店铺', '𠀀𪚥', '👨\u200d👩\u200d👧', '🇨🇳', 'Ωé', '\u{10FFFF}x'];

interface FieldCase {
  channel: string;
  field: string;
  rule: TextField;
  args: (value: string) => unknown[];
}

/** Each user text field of the contract, with a valid call around it and the path the error names. */
const FIELDS: FieldCase[] = [
  {
    channel: 'accounts:add',
    field: 'label',
    rule: 'label',
    args: (v) => [{ vendor: 'thordata', label: v, credentials: { token: 'abc' } }],
  },
  { channel: 'accounts:rename', field: 'label', rule: 'label', args: (v) => [{ id: ID, label: v }] },
  {
    channel: 'accounts:add',
    field: 'credentials.token',
    rule: 'credential',
    args: (v) => [{ vendor: 'thordata', label: 'Shop', credentials: { token: v } }],
  },
  {
    channel: 'accounts:testCredentials',
    field: 'credentials.apiKey',
    rule: 'credential',
    args: (v) => [{ vendor: 'proxyshard', credentials: { apiKey: v } }],
  },
  {
    channel: 'whitelist:add',
    field: 'verifyCode',
    rule: 'verifyCode',
    args: (v) => [{ accountId: ID, ips: ['1.2.3.4'], verifyCode: v }],
  },
  {
    channel: 'whitelist:remove',
    field: 'verifyCode',
    rule: 'verifyCode',
    args: (v) => [{ accountId: ID, ips: ['1.2.3.4'], verifyCode: v }],
  },
  ...(['username', 'password', 'note'] as const).map(
    (name): FieldCase => ({
      channel: 'subusers:create',
      field: name,
      rule: name,
      args: (v) => [{ accountId: ID, username: 'user1', password: 'pw', limitBytes: null, note: null, [name]: v }],
    }),
  ),
  ...(['password', 'note'] as const).map(
    (name): FieldCase => ({
      channel: 'subusers:update',
      field: `patch.${name}`,
      rule: name,
      args: (v) => [{ accountId: ID, id: 'u1', patch: { [name]: v } }],
    }),
  ),
];

function recording() {
  const calls: Array<[string, unknown[]]> = [];
  const handlers = new Proxy({} as Handlers, {
    get:
      (_t, channel: string) =>
      (...args: unknown[]) => {
        calls.push([channel, args]);
        return { ok: true };
      },
  });
  return { calls, dispatch: createDispatcher(handlers) };
}

describe('user text fields in the IPC contract', () => {
  it('every field refuses a lone surrogate with its own plain message and names the field', async () => {
    const { calls, dispatch } = recording();
    for (const c of FIELDS) {
      for (const value of LONE) {
        const r = await dispatch(c.channel, c.args(value));
        expect(r, `${c.channel} ${c.field} ${JSON.stringify(value)}`).toEqual({
          ok: false,
          error: { code: 'invalid_argument', message: UNSAVABLE_TEXT[c.rule], field: c.field },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('every field accepts emoji, CJK and astral characters', async () => {
    const { calls, dispatch } = recording();
    for (const c of FIELDS) {
      for (const value of FINE) {
        const r = await dispatch(c.channel, c.args(value));
        expect(r.ok, `${c.channel} ${c.field} ${value}`).toBe(true);
      }
    }
    expect(calls).toHaveLength(FIELDS.length * FINE.length);
  });

  it('each message says what is wrong and what to do, naming the field', () => {
    expect(UNSAVABLE_TEXT.label).toBe('The name contains a character that cannot be saved. Remove it and try again.');
    const names: Record<TextField, RegExp> = {
      label: /^The name /,
      credential: /^This value /,
      username: /^The username /,
      password: /^The password /,
      note: /^The note /,
      verifyCode: /^The verification code /,
    };
    for (const [field, message] of Object.entries(UNSAVABLE_TEXT) as [TextField, string][]) {
      expect(message).toMatch(names[field]);
      expect(message).toMatch(/cannot be saved\. (Remove it and try again|Copy it again|Type it again)/);
    }
  });

  it('repairs, not refuses, a renewal item’s label: a copy of the vendor’s own name', async () => {
    const { calls, dispatch } = recording();
    const target = (label: string) => ({ kind: 'ip', id: 'p1', label, expiresAt: null });
    const r = await dispatch('renewals:quote', [
      [{ accountId: ID, targets: [target('Plan \ud83d'), target('套餐 😀')], periodId: '30d' }],
    ]);
    expect(r.ok).toBe(true);
    const sent = calls[0]?.[1][0] as { targets: { label: string }[] }[];
    expect(sent[0]?.targets.map((t) => t.label)).toEqual(['Plan \ufffd', '套餐 😀']);
  });
});

describe('the one rule', () => {
  /** A small deterministic generator of strings mixing ASCII, CJK, pairs and lone halves. */
  function* samples(count: number): Generator<string> {
    let seed = 42;
    const next = () => {
      // xorshift32: deterministic, well spread in the low bits.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const units = [0x41, 0x5e97, 0xd83d, 0xde00, 0xd800, 0xdfff, 0x20, 0xfffd];
    for (let i = 0; i < count; i++) {
      const len = next() % 6;
      yield String.fromCharCode(...Array.from({ length: len }, () => units[next() % units.length] as number));
    }
  }

  it('agrees with String.prototype.isWellFormed, and repair always gives well-formed text', () => {
    const native = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
    let refused = 0;
    for (const s of samples(2000)) {
      expect(isWellFormedText(s), JSON.stringify(s)).toBe(native(s));
      if (!native(s)) refused++;
      const repaired = toWellFormedText(s);
      expect(native(repaired)).toBe(true);
      expect(repaired.length).toBe(s.length);
      if (native(s)) expect(repaired).toBe(s);
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('gives each field its message', () => {
    for (const field of Object.keys(UNSAVABLE_TEXT) as TextField[]) {
      const r = wellFormedText(field).safeParse('a\ud800');
      expect(r.success ? null : r.error.issues[0]?.message).toBe(UNSAVABLE_TEXT[field]);
      expect(wellFormedText(field).safeParse('a😀').success).toBe(true);
    }
  });
});

describe('the renderer’s client-side check', () => {
  const tEn = i18n.getFixedT('en') as TFunction;
  const tZh = i18n.getFixedT('zh-CN') as TFunction;
  const CJK = /[\u4e00-\u9fff]/;

  it('has an English sentence equal to main’s and a Chinese one for every field', () => {
    expect(Object.keys(en.validation.unsavable).sort()).toEqual(Object.keys(UNSAVABLE_TEXT).sort());
    expect(Object.keys(zhCN.validation.unsavable).sort()).toEqual(Object.keys(UNSAVABLE_TEXT).sort());
    for (const field of Object.keys(UNSAVABLE_TEXT) as TextField[]) {
      expect(en.validation.unsavable[field]).toBe(UNSAVABLE_TEXT[field]);
      expect(zhCN.validation.unsavable[field]).toMatch(CJK);
    }
  });

  it('refuses the same text the same way, translated', () => {
    expect(validateLabel('Shop \ud83d', tEn)).toBe(UNSAVABLE_TEXT.label);
    expect(validateLabel('Shop \ud83d', tZh)).toBe(zhCN.validation.unsavable.label);
    expect(validateCredential('key\ude00', tEn)).toBe(UNSAVABLE_TEXT.credential);
    expect(validateCredential('key\ude00', tZh)).toBe(zhCN.validation.unsavable.credential);
    for (const field of ['username', 'password', 'note', 'verifyCode'] as const) {
      expect(validateText('x\ud800', field, tEn)).toBe(UNSAVABLE_TEXT[field]);
      expect(validateText('x\ud800', field, tZh)).toBe(zhCN.validation.unsavable[field]);
    }
  });

  it('lets well-formed text through', () => {
    for (const value of FINE) {
      expect(validateLabel(value, tEn), value).toBeNull();
      expect(validateCredential(value, tEn), value).toBeNull();
      expect(validateText(value, 'note', tZh), value).toBeNull();
    }
    // The other label rules are unchanged.
    expect(validateLabel('   ', tEn)).toBe('Give the account a name.');
    expect(validateLabel('a\u0007', tEn)).toBe('The name contains characters that cannot be shown.');
  });
});
