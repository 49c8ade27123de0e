/**
 * Issue 11 points 9 and 14: the vendor form rules declared in preload/contract/vendors.ts, the
 * renderer's live checks over them, and their agreement with main's own checks (vendor modules) and
 * with the Thordata simulator's documented sub-user rules.
 */
import { describe, expect, it } from 'vitest';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import { VENDOR_IDS } from '../../preload/contract/model';
import { VENDOR_FORM_RULES, VENDORS } from '../../preload/contract/vendors';
import { checkNoteRule, checkTextRule, ruleHelpParts } from '../../renderer/lib/validation';
import { expandCidr, expandRangesInText, parseCidr, parseIpLines } from '../../renderer/views/whitelist/ip-lines';

describe('vendor form rules', () => {
  it('declares a credential rule for every credential field of every vendor', () => {
    for (const id of VENDOR_IDS) {
      const names = VENDORS[id].fields.map((f) => f.name).sort();
      expect(Object.keys(VENDOR_FORM_RULES[id].credentials).sort(), id).toEqual(names);
    }
  });

  it('the renderer check agrees with main’s credential check (so the user never learns it from a refusal)', () => {
    const samples = [
      'abcdefghijklmnopqrstu',
      'a1b2c3d4e5f6a7b8c9d0e1f2',
      'short',
      'seven77',
      'eight888',
      'abc/defghijk',
      'abc?defghijk',
      'abcdefgh#ijk',
      'Bearer\u00a0abcdefghijkl',
      'bearer abcdefghijkl',
      'fifteen-chars15',
      'sixteen-chars-16',
    ];
    for (const id of VENDOR_IDS) {
      const fields = VENDORS[id].fields;
      for (const value of samples) {
        for (const f of fields) {
          const others = Object.fromEntries(
            fields.map((g) => [g.name, g.name === f.name ? value : 'validvalue12345678']),
          );
          const main = VENDOR_MODULES[id].checkCredentials(others);
          // The renderer's first check is the contract's (no spaces); then the vendor's rule.
          const renderer = /\s/.test(value)
            ? 'spaces'
            : checkTextRule(value, VENDOR_FORM_RULES[id].credentials[f.name]!);
          expect(Boolean(renderer), `${id}.${f.name} "${value}": main says ${main}`).toBe(Boolean(main));
        }
      }
    }
  });

  it('Thordata sub-user rules match the documented (and simulated) 10015 / 10016 rules', () => {
    const USERNAME = /^[A-Za-z0-9]{6,15}$/;
    const PASSWORD = /^[A-Za-z][A-Za-z0-9]{5,14}$/;
    const rules = VENDOR_FORM_RULES.thordata.subUsers!;
    const samples = [
      'abc',
      'abcdef',
      'abcdefghijklmno',
      'abcdefghijklmnop',
      '1abcdef',
      'abc def',
      'abc_def',
      'shop77',
      '中文用户名abc',
    ];
    for (const s of samples) {
      expect(checkTextRule(s, rules.username) === null, `username ${s}`).toBe(USERNAME.test(s));
      expect(checkTextRule(s, rules.password as object) === null, `password ${s}`).toBe(PASSWORD.test(s));
    }
    expect(checkTextRule('1abcdef', rules.password as object)?.key).toBe('startsWithLetter');
    expect(checkTextRule('abc', rules.username)).toEqual({ key: 'between', values: { min: 6, max: 15, length: 3 } });
  });

  it('BestProxy: letters and digits only, password 6–16, remark 64 Latin or 32 Chinese characters', () => {
    const r = VENDOR_FORM_RULES.bestproxy.subUsers!;
    expect(checkTextRule('e2eshop7', r.username)).toBeNull();
    expect(checkTextRule('shop-7', r.username)?.key).toBe('alnum');
    expect(checkTextRule('pass1234', r.password as object)).toBeNull();
    expect(checkTextRule('p1', r.password as object)?.key).toBe('between');
    expect(checkNoteRule('x'.repeat(64), r.note!)).toBeNull();
    expect(checkNoteRule('x'.repeat(65), r.note!)?.key).toBe('noteTooLong');
    expect(checkNoteRule('备'.repeat(32), r.note!)).toBeNull();
    expect(checkNoteRule('备'.repeat(33), r.note!)?.key).toBe('noteTooLong');
  });

  it('ProxyShard makes sub-user passwords itself; no vendor documents CIDR whitelists', () => {
    expect(VENDOR_FORM_RULES.proxyshard.subUsers?.password).toBe('generated');
    for (const id of VENDOR_IDS) expect(VENDOR_FORM_RULES[id].whitelist?.cidr ?? false).toBe(false);
    expect(VENDOR_FORM_RULES.bestproxy.whitelist?.removeNeedsCode).toBe(true);
  });

  it('help parts name each rule', () => {
    expect(ruleHelpParts(VENDOR_FORM_RULES.thordata.subUsers!.password as object).map((p) => p.key)).toEqual([
      'help.between',
      'help.alnum',
      'help.startsWithLetter',
    ]);
    expect(ruleHelpParts(VENDOR_FORM_RULES.youproxy.credentials.apiKey!).map((p) => p.key)).toEqual([
      'help.atLeast',
      'help.forbidden',
    ]);
  });
});

describe('whitelist lines with CIDR ranges', () => {
  it('reads a range and expands small ones', () => {
    expect(parseCidr('203.0.113.7/30')).toEqual({ base: 203 * 256 ** 3 + 113 * 256 + 4, prefix: 30, size: 4 });
    expect(expandCidr('203.0.113.7/30')).toEqual(['203.0.113.4', '203.0.113.5', '203.0.113.6', '203.0.113.7']);
    expect(expandCidr('10.0.0.0/16')).toEqual([]);
    expect(parseCidr('300.0.0.0/24')).toBeNull();
    expect(parseCidr('10.0.0.0/33')).toBeNull();
  });

  it('names ranges a vendor does not take, and keeps them where it does', () => {
    const text = '198.51.100.1\n203.0.113.0/30\n10.0.0.0/16\nnot-an-ip';
    const no = parseIpLines(text);
    expect(no.valid).toEqual(['198.51.100.1']);
    expect(no.ranges).toEqual([
      { line: 2, value: '203.0.113.0/30', size: 4, expandable: true },
      { line: 3, value: '10.0.0.0/16', size: 65536, expandable: false },
    ]);
    expect(no.invalid).toEqual([{ line: 4, value: 'not-an-ip' }]);
    const yes = parseIpLines(text, { cidr: true });
    expect(yes.valid).toEqual(['198.51.100.1', '203.0.113.0/30', '10.0.0.0/16']);
    expect(yes.ranges).toEqual([]);
    expect(expandRangesInText('198.51.100.1\n203.0.113.0/31')).toBe('198.51.100.1\n203.0.113.0\n203.0.113.1');
  });

  it('an IPv6 address is named as such where the vendor takes IPv4 only (VENDOR_FORM_RULES.whitelist.ipv6)', () => {
    const text = '203.0.113.7\n2001:db8::1\nnot-an-ip';
    const v4only = parseIpLines(text, { ipv6: false });
    expect(v4only.valid).toEqual(['203.0.113.7']);
    expect(v4only.invalid).toEqual([
      { line: 2, value: '2001:db8::1', ipv6: true },
      { line: 3, value: 'not-an-ip' },
    ]);
    expect(parseIpLines(text).valid).toEqual(['203.0.113.7', '2001:db8::1']);
  });
});
