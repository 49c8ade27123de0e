/** The words of Settings → "Your data": en and zh-CN match, main's refusals are translated, the strength hint. */
import { describe, expect, it } from 'vitest';
import { PASSPHRASE_TEXT } from '../../../preload/contract/userdata';
import { userdataEn } from '../../../renderer/i18n/userdata.en';
import { userdataZhCN } from '../../../renderer/i18n/userdata.zh-CN';
import { backupWhen, knownErrorKey, passphraseStrength } from '../../../renderer/views/settings/userdata-text';

const leaves = (o: object, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(leaves(v, `${prefix}${k}.`)),
    ),
  );

describe('Your data: words', () => {
  it('en and zh-CN have the same keys and placeholders, and zh-CN is translated', () => {
    const en = leaves(userdataEn);
    const zh = leaves(userdataZhCN);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(names(zh[key]!), key).toEqual(names(en[key]!));
    for (const [key, v] of Object.entries(zh))
      expect(v.replace(/\{\{\w+\}\}|Proxydeck|API/g, ''), key).not.toMatch(/[A-Za-z]{3,}/);
  });

  it("translates main's refusals of the import and export by their words", () => {
    const en = leaves(userdataEn);
    const cases: [string, string][] = [
      [PASSPHRASE_TEXT.wrong, 'userdata.import.wrongPassphrase'],
      [PASSPHRASE_TEXT.short, 'userdata.export.tooShort'],
      [
        'This file is not a Proxydeck export. Choose the file Proxydeck saved with "Export".',
        'userdata.import.notExport',
      ],
      [
        'This file was made by a newer version of Proxydeck. Update Proxydeck on this computer, then import it again. Nothing was imported.',
        'userdata.import.newer',
      ],
      [
        'This export file is damaged or was changed after it was saved (at business.items.0). Nothing was imported.',
        'userdata.import.damaged',
      ],
      [
        'This preview is no longer valid (it was used, or more than 10 minutes passed). Choose the file again.',
        'userdata.import.expired',
      ],
    ];
    for (const [message, key] of cases) {
      expect(
        knownErrorKey({ code: 'invalid_argument', message }) ?? knownErrorKey({ code: 'not_found', message }),
      ).toBe(key);
      expect(en[key]).toBeTruthy();
    }
    expect(knownErrorKey({ code: 'storage', message: PASSPHRASE_TEXT.wrong })).toBeNull();
    // The English sentence of the window is main's own.
    expect(userdataEn.userdata.import.wrongPassphrase).toBe(PASSPHRASE_TEXT.wrong);
  });

  it('hints the passphrase strength mostly by its length', () => {
    expect(passphraseStrength('abc')).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcdef1234')).toBe('fair');
    expect(passphraseStrength('Abcdef-1234x')).toBe('strong');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
    expect(passphraseStrength('我的口令是这个很长的句子啊')).toBe('fair');
  });

  it('reads a backup time as a day, or a day and a time', () => {
    expect(backupWhen('2026-03-02')).toEqual({ day: '2026-03-02', time: null });
    expect(backupWhen('2026-03-02T14:05:09')).toEqual({ day: '2026-03-02', time: '14:05' });
  });
});
