/**
 * Issue 11 point 10 (everything in the user's language), point 13 (Activity filters) and 14 (test
 * reminder): main's known English sentences said whole in Chinese, the vendor's words kept in brackets.
 */
import { describe, expect, it } from 'vitest';
import { testReminder } from '../../main/core/renewals/reminders';
import { VendorError } from '../../main/vendors/errors';
import { diskNotice } from '../../preload/contract/notices';
import type { AuditRowView } from '../../preload/contract/renewals';
import { errorsZhCN } from '../../renderer/i18n/errors.zh-CN';
import { formsPlusZhCN } from '../../renderer/i18n/forms-plus.zh-CN';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { filterActivity, NO_ACTIVITY_FILTER, rangeBackwards } from '../../renderer/lib/activity-filter';
import { knownNote, translateKnown } from '../../renderer/lib/error-sentences';
import { errorText, noticeText, type Translate } from '../../renderer/lib/error-text';

/** An i18next-like `t`: dotted keys, {{name}}, and `_one` / `_other` by count. */
function makeT(catalog: object): Translate {
  const get = (key: string) => {
    let v: unknown = catalog;
    for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    return v;
  };
  return (key, options) => {
    let v = get(key);
    if (typeof v !== 'string' && typeof options?.count === 'number')
      v = get(`${key}_${options.count === 1 ? 'one' : 'other'}`);
    if (typeof v !== 'string') return key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  };
}
const tZh = makeT({ ...zhCN, ...errorsZhCN, ...formsPlusZhCN });
const LATIN_WORDS = /[A-Za-z]{3,}/;

describe('main’s English sentences in 简体中文', () => {
  const vendorMessage = (code: ConstructorParameters<typeof VendorError>[1], opts = {}) =>
    new VendorError('youproxy', code, opts).message;

  it('says every vendor default sentence whole in Chinese, naming the vendor', () => {
    for (const code of [
      'invalid_credentials',
      'insufficient_funds',
      'not_supported',
      'rate_limited',
      'vendor_unavailable',
      'bad_response',
      'network',
      'vendor_rejected',
      'invalid_argument',
      'outcome_unknown',
    ] as const) {
      const zh = errorText({ code, message: vendorMessage(code) }, 'zh-CN', tZh);
      expect(zh, code).toContain('YouProxy');
      expect(
        zh.replaceAll('YouProxy', '').replaceAll('Proxydeck', '').replaceAll('API', ''),
        `${code}: ${zh}`,
      ).not.toMatch(LATIN_WORDS);
    }
  });

  it('keeps the vendor’s own words, in brackets', () => {
    const m = vendorMessage('invalid_credentials', { message: 'Error api key' });
    expect(errorText({ code: 'invalid_credentials', message: m }, 'zh-CN', tZh)).toBe(
      'YouProxy 不接受此 API 密钥。请在 YouProxy 控制台核对密钥，然后在 Proxydeck 中更新该账户。（YouProxy 的原话：Error api key）',
    );
  });

  it('translates timeouts, waits, cancellations and unknown outcomes', () => {
    expect(translateKnown('ProxyShard did not answer within 20 seconds. Try again in a few minutes.', tZh)).toBe(
      'ProxyShard 在 20 秒内没有响应。请过几分钟再试。',
    );
    expect(
      translateKnown('BestProxy is receiving too many requests and asks to wait 2 minutes. Try again after that.', tZh),
    ).toBe('BestProxy 目前收到的请求过多，要求等待 2 分钟。请稍后重试。');
    expect(translateKnown('The request was cancelled.', tZh)).toBe('请求已取消。');
    const unknown =
      'Thordata may have carried this out, but it answered with an error (HTTP 502). Proxydeck is checking with Thordata; paying again is blocked until that is settled.';
    expect(errorText({ code: 'outcome_unknown', message: unknown }, 'zh-CN', tZh)).toBe(
      'Thordata 可能已经执行了此操作，但它返回了错误（HTTP 502）。Proxydeck 正在向 Thordata 核实；核实完成之前，不能再次付款。',
    );
  });

  it('names the Thordata field that is wrong (token or key)', () => {
    const m =
      'Thordata did not accept the key. Copy the key again from My Account in the Thordata dashboard, then update the account in Proxydeck. (Thordata said: key error)';
    expect(errorText({ code: 'invalid_credentials', message: m }, 'zh-CN', tZh)).toBe(
      'Thordata 不接受此密钥（Key）。请从 Thordata 控制台的“我的账户”页面重新复制密钥（Key），然后在 Proxydeck 中更新该账户。（Thordata 的原话：key error）',
    );
  });

  it('translates storage errors and disk notices by their parts', () => {
    const m =
      'Not sent: Proxydeck could not write the renewal to its journal first (the disk is full), so the renewal at Shop A was not sent and nothing was paid. Free some space on that disk, then renew again.';
    expect(errorText({ code: 'storage', message: m }, 'zh-CN', tZh)).toBe(
      '未发送：Proxydeck 无法先把这次续费写入记录（磁盘已满），因此 Shop A 的续费没有发送，也没有扣费。请释放该磁盘上的一些空间，然后重新续费。',
    );
    const save =
      'Proxydeck could not save this to /data: the disk reported an error (EIO). Check the disk, then try again.';
    expect(errorText({ code: 'storage', message: save }, 'zh-CN', tZh)).toBe(
      'Proxydeck 无法保存到 /data：磁盘报告了错误（EIO）。请检查磁盘，然后重试。',
    );
    expect(noticeText(diskNotice('read_only', '/data'), 'zh-CN', tZh)).toMatch(
      /^Proxydeck 无法保存到 \/data：该文件夹为只读/,
    );
  });

  it('says Thordata’s item notes (product label, unit caveat) in Chinese, and leaves them alone in English', () => {
    expect(knownNote('Residential', 'zh-CN', tZh)).toBe('住宅代理');
    expect(knownNote('Unlimited servers (disabled)', 'zh-CN', tZh)).toBe('无限量服务器（已停用）');
    expect(
      knownNote('Unlimited servers. Used traffic read as MB per Thordata docs (its SDK says KB).', 'zh-CN', tZh),
    ).toBe('无限量服务器。已用流量按 Thordata 文档以 MB 计（其 SDK 说是 KB）。');
    expect(knownNote('Made by the e2e test', 'zh-CN', tZh)).toBe('Made by the e2e test');
    expect(knownNote('Residential', 'en', tZh)).toBe('Residential');
  });

  it('keeps an unknown tail as English details after the known part', () => {
    expect(translateKnown('Some of the values are not valid for BestProxy. Pick a package type.', tZh)).toBe(
      '部分填写的值不符合 BestProxy 的要求。（详情：Pick a package type.）',
    );
    expect(translateKnown('Nothing here is known.', tZh)).toBeNull();
  });
});

const row = (over: Partial<AuditRowView>): AuditRowView => ({
  at: '2026-11-20T10:00:00.000Z',
  action: 'renew',
  operationId: 'op1',
  accountId: 'a1',
  accountLabel: 'Shop A',
  vendor: 'thordata',
  items: [{ kind: 'ip', id: 'ip1', label: '203.0.113.9', state: 'done' }],
  quoteTotal: { minor: 300, currency: 'USD' },
  vendorQuoted: true,
  charged: null,
  result: 'done: 1 renewed, 0 failed',
  reference: 'R-77',
  message: null,
  ...over,
});

describe('Activity filters', () => {
  const rows = [
    row({}),
    row({
      operationId: 'op2',
      action: 'retry',
      accountId: 'a2',
      accountLabel: 'Shop B',
      vendor: 'bestproxy',
      at: '2026-11-25T10:00:00.000Z',
    }),
    row({ operationId: 'op3', action: 'reconcile', at: '2026-11-28T10:00:00.000Z', reference: null }),
  ];
  it('filters by vendor, account, action, date range and text', () => {
    expect(filterActivity(rows, { ...NO_ACTIVITY_FILTER, vendor: 'bestproxy' }).map((r) => r.operationId)).toEqual([
      'op2',
    ]);
    expect(filterActivity(rows, { ...NO_ACTIVITY_FILTER, accountId: 'a1' }).map((r) => r.operationId)).toEqual([
      'op1',
      'op3',
    ]);
    expect(filterActivity(rows, { ...NO_ACTIVITY_FILTER, action: 'reconcile' }).map((r) => r.operationId)).toEqual([
      'op3',
    ]);
    expect(
      filterActivity(rows, { ...NO_ACTIVITY_FILTER, from: '2026-11-22', to: '2026-11-26' }).map((r) => r.operationId),
    ).toEqual(['op2']);
    expect(filterActivity(rows, { ...NO_ACTIVITY_FILTER, text: 'r-77' }).map((r) => r.operationId)).toEqual([
      'op1',
      'op2',
    ]);
    expect(filterActivity(rows, { ...NO_ACTIVITY_FILTER, text: '203.0.113.9' })).toHaveLength(3);
    expect(rangeBackwards({ ...NO_ACTIVITY_FILTER, from: '2026-11-26', to: '2026-11-22' })).toBe(true);
  });
});

describe('test reminder', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  const item = (id: string, days: number, accountId = 'a1') => ({
    accountId,
    accountLabel: accountId === 'a1' ? 'Shop A' : 'Shop B',
    vendor: 'youproxy' as const,
    kind: 'ip' as const,
    id,
    label: `10.0.0.${id}`,
    expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
  });
  it('is the next reminder the user would get, marked as a test, in their language', () => {
    const n = testReminder(
      [item('1', 2), item('2', 1.5), item('3', 40), item('4', 1, 'a2'), item('5', -1)],
      now,
      [7, 3, 1],
      'en',
    );
    expect(n.title).toBe('Test reminder: 1 IP at Shop B · YouProxy expires within 1 day');
    expect(n.itemIds).toEqual(['4']);
    const zh = testReminder([item('1', 2), item('2', 1.5)], now, [7, 3, 1], 'zh-CN');
    expect(zh.title).toBe('测试提醒：Shop A · YouProxy 的 2 个 IP 将在 2 天内到期');
    expect(zh.body).toContain('请在 Proxydeck 中续费');
  });
  it('says so when nothing expires', () => {
    const n = testReminder([], now, [7, 3, 1], 'en');
    expect(n.title).toBe('Test reminder: expiry reminders look like this');
    expect(n.body).toBe(
      'Nothing expires within 7 days. When something does, Proxydeck reminds you 7, 3, 1 days before.',
    );
    expect(n.itemIds).toEqual([]);
  });
});
