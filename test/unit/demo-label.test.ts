/**
 * Demo accounts are named in the UI language and their vendor is said once: "Demo · Thordata" /
 * "演示 · Thordata" in lists, rows, the activity log, price-check messages and the test reminder; never
 * "Demo · Thordata · Thordata". A demo account the user renamed shows its new name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../main/core/events';
import { accountWithVendor, desktopText } from '../../main/core/i18n/desktop-text';
import { accountName } from '../../main/core/renewals/price-check';
import { ReminderRunner } from '../../main/core/renewals/reminder-runner';
import { buildApi, type Invoke } from '../../preload/contract/api';
import type { AccountSummary, VendorSummary } from '../../preload/contract/channels';
import { DEMO_LABELS } from '../../preload/contract/locales/demo-label';
import type { AccountSnapshot } from '../../preload/contract/model';
import { setApiForTests } from '../../renderer/api';
import { i18n } from '../../renderer/i18n';
import { localizeAccounts, nameBesideVendor } from '../../renderer/lib/account-name';
import { accountRef } from '../../renderer/lib/inventory';
import { useAccountsStore } from '../../renderer/stores/accounts';
import { tempDir } from '../helpers/tmp';

const account = (id: string, vendor: AccountSummary['vendor'], label: string, demo: boolean): AccountSummary => ({
  id,
  vendor,
  label,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastRefreshAt: null,
  demo,
  credentialHint: null,
  lastError: null,
});
const vendors = [
  { id: 'thordata', name: 'Thordata' },
  { id: 'youproxy', name: 'YouProxy' },
] as unknown as VendorSummary[];

const DEMO = account('11111111-1111-4111-8111-111111111111', 'thordata', DEMO_LABELS.thordata, true);
const RENAMED = account('22222222-2222-4222-8222-222222222222', 'youproxy', 'Trial', true);
const REAL = account('33333333-3333-4333-8333-333333333333', 'thordata', 'Shop', false);

/** How the IPs, orders and renew views show an account: its name, then the vendor's. */
const rowText = (a: AccountSummary) => {
  const ref = accountRef(a, vendors);
  return `${ref.accountLabel} · ${ref.vendorName}`;
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('in the renderer', () => {
  it('lists name a demo account once with its vendor, rows do not repeat the vendor, in both languages', async () => {
    const [demo, renamed, real] = localizeAccounts([DEMO, RENAMED, REAL]);
    expect([demo?.label, renamed?.label, real?.label]).toEqual(['Demo · Thordata', 'Trial', 'Shop']);
    expect([demo, renamed, real].map((a) => rowText(a!))).toEqual([
      'Demo · Thordata',
      'Trial · YouProxy',
      'Shop · Thordata',
    ]);
    await i18n.changeLanguage('zh-CN');
    const [zhDemo] = localizeAccounts([DEMO]);
    expect(zhDemo?.label).toBe('演示 · Thordata');
    expect(rowText(zhDemo!)).toBe('演示 · Thordata');
    expect(rowText(DEMO)).toBe('演示 · Thordata'); // not localized yet: the stored label is recognised too
    // Records from main carry only the stored label (quotes, the activity log).
    expect(nameBesideVendor({ label: DEMO_LABELS.thordata, vendor: 'thordata' })).toBe('演示');
    expect(nameBesideVendor({ label: 'Shop', vendor: 'thordata' })).toBe('Shop');
  });

  it('the accounts store names demo accounts in the UI language and renames them when it changes', async () => {
    let lists = 0;
    const invoke = (async (channel: string) => {
      if (channel !== 'accounts:list') throw new Error(`unexpected ${channel}`);
      lists++;
      return { ok: true, data: [DEMO, REAL] };
    }) as unknown as Invoke;
    setApiForTests(buildApi(invoke, () => () => {}));
    try {
      await useAccountsStore.getState().fetch();
      expect(useAccountsStore.getState().items.map((a) => a.label)).toEqual(['Demo · Thordata', 'Shop']);
      await i18n.changeLanguage('zh-CN');
      await useAccountsStore.getState().fetch(); // joins the reload the language change started
      expect(lists).toBeGreaterThanOrEqual(2);
      expect(useAccountsStore.getState().items.map((a) => a.label)).toEqual(['演示 · Thordata', 'Shop']);
    } finally {
      setApiForTests(null);
      useAccountsStore.setState({ items: [], loaded: false });
    }
  });
});

describe('in main', () => {
  const dirs: (() => void)[] = [];
  beforeEach(() => {
    dirs.length = 0;
  });
  afterEach(() => {
    for (const c of dirs) c();
  });

  it('price-check messages and the shared name say the vendor once', () => {
    expect(accountName(DEMO_LABELS.youproxy, 'youproxy')).toBe('Demo · YouProxy');
    expect(accountName('Shop', 'youproxy')).toBe('Shop · YouProxy');
    expect(accountWithVendor(desktopText('zh-CN'), DEMO)).toBe('演示 · Thordata');
    expect(accountWithVendor(desktopText('zh-CN'), RENAMED)).toBe('Trial · YouProxy');
    expect(accountWithVendor(desktopText('en'), REAL)).toBe('Shop · Thordata');
  });

  it('the test reminder of a demo account names it once, in the language', () => {
    const t = tempDir('proxydeck-demo-label-');
    dirs.push(t.cleanup);
    const now = Date.parse('2026-11-23T12:00:00.000Z');
    const snapshot = {
      accountId: DEMO.id,
      fetchedAt: new Date(now).toISOString(),
      balance: null,
      orders: [],
      proxies: [{ id: 'p1', ip: '10.9.0.1', expiresAt: new Date(now + 0.5 * 86_400_000).toISOString() }],
      whitelist: [],
      subUsers: [],
      servers: [],
      traffic: [],
      errors: {},
    } as unknown as AccountSnapshot;
    let language: 'en' | 'zh-CN' = 'en';
    const runner = new ReminderRunner(t.dir, {
      events: new EventHub(),
      snapshots: () => [snapshot],
      accounts: () => [DEMO],
      thresholds: () => [7, 3, 1],
      language: () => language,
      now: () => new Date(now),
    });
    expect(runner.sendTest().title).toBe('Test reminder: 1 IP at Demo · Thordata expires within 1 day');
    language = 'zh-CN';
    expect(runner.sendTest()).toEqual({
      title: '测试提醒：演示 · Thordata 的 1 个 IP 将在 1 天内到期',
      body: '10.9.0.1。请在 Proxydeck 中续费以保留它们。',
    });
  });
});
