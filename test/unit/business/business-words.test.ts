/**
 * Words of issue 16 outside the views' own strings: main's notices about the business file and the
 * balance reminders list shown whole in 简体中文 (and the file notice says where to restore), why an
 * imported account was not added, a duplicate CUSTOMER name (not an account's), and the cost words of a
 * customer's page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { duplicateName } from '../../../main/core/business/customers';
import { RunwayReminder } from '../../../main/core/business/runway-reminder';
import { EventHub } from '../../../main/core/events';
import { businessNotice, type MarginReport } from '../../../preload/contract/business';
import { customersEn } from '../../../renderer/i18n/customers.en';
import { customersZhCN } from '../../../renderer/i18n/customers.zh-CN';
import { en } from '../../../renderer/i18n/en';
import { errorsEn } from '../../../renderer/i18n/errors.en';
import { errorsZhCN } from '../../../renderer/i18n/errors.zh-CN';
import { formsPlusEn } from '../../../renderer/i18n/forms-plus.en';
import { formsPlusZhCN } from '../../../renderer/i18n/forms-plus.zh-CN';
import { userdataEn } from '../../../renderer/i18n/userdata.en';
import { userdataZhCN } from '../../../renderer/i18n/userdata.zh-CN';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { importFailureText } from '../../../renderer/lib/business-notices';
import { errorText, noticeText, type Translate } from '../../../renderer/lib/error-text';
import { costSourceKey, customerMargin } from '../../../renderer/views/customers/costs';
import { customerSaveError } from '../../../renderer/views/customers/model';
import { tempDir } from '../../helpers/tmp';

function makeT(catalog: object): Translate {
  return (key, options) => {
    let v: unknown = catalog;
    for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    if (typeof v !== 'string') return key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  };
}
const tEn = makeT({ ...en, ...errorsEn, ...formsPlusEn, ...userdataEn, ...customersEn });
const tZh = makeT({ ...zhCN, ...errorsZhCN, ...formsPlusZhCN, ...userdataZhCN, ...customersZhCN });
/** Chinese throughout: no English word of 3+ letters left (paths and Proxydeck aside). */
const allChinese = (s: string, ...allowed: string[]) => {
  let rest = s;
  for (const a of [...allowed, 'Proxydeck']) rest = rest.split(a).join('');
  expect(rest).toMatch(/[\u4e00-\u9fff]/);
  expect(rest).not.toMatch(/[A-Za-z]{3,}/);
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('business file notice', () => {
  const kept = '/data/business.damaged-2026-03-03.json';
  const restored = businessNotice({ problem: 'damaged', kept, restoredDay: '2026-03-02' });
  const empty = businessNotice({ problem: 'unreadable', kept, restoredDay: null });

  it('says where to restore another copy, in the words the e2e spec looks for', () => {
    expect(restored).toContain('customers and prices file could not be used');
    expect(restored).toContain('was restored');
    expect(restored).toContain('Settings → Your data');
    expect(empty).toContain('Settings → Your data');
    expect(noticeText(restored, 'en', tEn)).toBe(restored);
  });

  it('shows whole in 简体中文, with the day and where the file was kept', () => {
    const zr = noticeText(restored, 'zh-CN', tZh);
    allChinese(zr, kept);
    expect(zr).toContain('2026-03-02');
    expect(zr).toContain(kept);
    expect(zr).toContain('设置 → 你的数据');
    const ze = noticeText(empty, 'zh-CN', tZh);
    allChinese(ze, kept);
    expect(ze).toContain('磁盘无法读取');
  });
});

describe('balance reminders list notice', () => {
  it('the notice main makes for a damaged list shows whole in 简体中文', () => {
    const t = tempDir('pd-runway-words-');
    cleanups.push(t.cleanup);
    mkdirSync(t.dir, { recursive: true });
    writeFileSync(join(t.dir, 'runway-reminders.json'), '{ not json');
    const r = new RunwayReminder(t.dir, {
      events: new EventHub(),
      report: () => ({ windowDays: 30, accounts: [] }),
      accounts: () => [],
      alertDays: () => 7,
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      timeZone: 'UTC',
    });
    expect(r.notices).toHaveLength(1);
    const notice = r.notices[0]!;
    const kept = /\(kept as (.+)\)/.exec(notice)?.[1] ?? '';
    expect(kept).not.toBe('');
    const zh = noticeText(notice, 'zh-CN', tZh);
    allChinese(zh, kept);
    expect(zh).toContain(kept);
    expect(noticeText(notice, 'en', tEn)).toBe(notice);
  });
});

describe('an imported account that was not added', () => {
  it('says why in 简体中文', () => {
    allChinese(importFailureText('Another account here is already named "Main".', tZh) ?? '', 'Main');
    allChinese(importFailureText('It could not be added.', tZh) ?? '');
    expect(importFailureText('Something else.', tZh)).toBeNull();
  });
});

describe('a duplicate customer name', () => {
  it('reads as a customer’s name under the name field, not as an account’s', () => {
    const f = duplicateName('Ana');
    const error = { code: f.code, message: f.message, field: f.field };
    const zh = customerSaveError(error, 'Ana', tZh, (e) => errorText(e, 'zh-CN', tZh));
    expect(zh.field).toBe('name');
    expect(zh.text).toContain('客户');
    expect(zh.text).not.toContain('账户');
    expect(zh.text).toContain('Ana');
    const en = customerSaveError(error, 'Ana', tEn, (e) => errorText(e, 'en', tEn));
    expect(en).toEqual({ field: 'name', text: 'You already have a customer named “Ana”. Choose another name.' });
    // Any other error stays the form's error.
    const other = customerSaveError({ code: 'storage', message: 'The disk is full.' }, 'Ana', tEn, (e) => e.message);
    expect(other).toEqual({ field: null, text: 'The disk is full.' });
  });
});

describe('cost words of a customer’s page', () => {
  it('names each cost source in words, en and zh-CN', () => {
    const words = (t: Translate) => (['vendor', 'journal', 'quote', 'none'] as const).map((s) => t(costSourceKey(s)));
    expect(words(tEn)).toEqual(['vendor price', 'last renewal', 'last price check', 'not known']);
    for (const w of words(tZh)) allChinese(w);
  });

  it('the customer’s margin this month is per currency, and counts the item-months without a known cost', () => {
    const usd = (minor: number) => ({ minor, currency: 'USD' });
    const cny = (minor: number) => ({ minor, currency: 'CNY' });
    const row = (customerId: string | null, revenue: { minor: number; currency: string }, cost: number, none = 0) => ({
      month: '2026-11',
      customerId,
      vendor: 'youproxy' as const,
      revenue,
      cost: { minor: cost, currency: revenue.currency },
      margin: { minor: revenue.minor - cost, currency: revenue.currency },
      costSources: { vendor: 1, journal: 0, quote: 0, none },
    });
    const report: MarginReport = {
      months: ['2026-11'],
      rows: [row('c1', usd(5000), 2000), row('c1', usd(1000), 0, 2), row('c1', cny(9000), 3000), row('c2', usd(1), 0)],
      converted: false,
      missingRates: [],
    };
    expect(customerMargin(report, 'c1')).toEqual({ margin: [cny(6000), usd(4000)], unknownCost: 2 });
    expect(customerMargin(report, 'c3')).toBeNull();
  });
});
