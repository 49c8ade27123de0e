import { afterEach, describe, expect, it } from 'vitest';
import { marginCsv, runwayCsv, spendCsv, textCell } from '../../../main/core/business/reports-csv';
import { RunwayReminder } from '../../../main/core/business/runway-reminder';
import { EventHub } from '../../../main/core/events';
import { reportsHandlers } from '../../../main/core/operations/reports-handlers';
import type { AccountRunway, RunwayReport } from '../../../preload/contract/business';
import type { AppEvent } from '../../../preload/contract/channels';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema } from '../../../preload/contract/schemas';
import { tempDir } from '../../helpers/tmp';
import { at, business, cny, customer, NOW, usd } from './reports-fixtures';

const C1 = '11111111-1111-4111-8111-111111111111';

describe('reports as CSV', () => {
  it('neutralises formulas in text cells and quotes separators; figures stay numbers', () => {
    expect(textCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('-2+3')).toBe("'-2+3");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('Acme, Inc')).toBe('"Acme, Inc"');
    const { fileName, content } = marginCsv(
      {
        months: ['2026-11'],
        converted: false,
        missingRates: [],
        rows: [
          {
            month: '2026-11',
            customerId: C1,
            vendor: 'youproxy',
            revenue: usd(500),
            cost: usd(1230),
            margin: usd(-730),
            costSources: { vendor: 1, journal: 0, quote: 0, none: 0 },
          },
        ],
      },
      [{ ...customer(C1), name: '=cmd|calc' }],
    );
    expect(fileName).toBe('proxydeck-margin-2026-11.csv');
    const lines = content.split('\r\n');
    expect(lines[0]).toBe(
      'Month,Customer,Vendor,Revenue,Currency,Cost,Currency,Margin,Currency,Cost from vendor price,Cost from last renewal,Cost from last quote,No cost known',
    );
    expect(lines[1]).toBe("2026-11,'=cmd|calc,YouProxy,5.00,USD,12.30,USD,-7.30,USD,1,0,0,0");
    expect(lines[2]).toBe('');
  });

  it('names files by their months and writes spend and runway rows', () => {
    const spend = spendCsv({
      months: ['2026-09', '2026-10', '2026-11'],
      rows: [
        {
          month: '2026-10',
          vendor: 'proxyshard',
          accountId: 'a',
          accountLabel: '-Shop',
          spent: cny(12345),
          source: 'vendor',
        },
      ],
    });
    expect(spend.fileName).toBe('proxydeck-spend-2026-09-to-2026-11.csv');
    expect(spend.content.split('\r\n')[1]).toBe("2026-10,ProxyShard,'-Shop,123.45,CNY,vendor order history");
    const acct: AccountRunway = {
      accountId: 'a1',
      accountLabel: 'Shop A',
      vendor: 'youproxy',
      balance: usd(1000),
      hasBalanceApi: true,
      committed: [usd(3000)],
      items: [
        {
          item: { accountId: 'a1', kind: 'ip', id: '1' },
          label: '10.0.0.1',
          expiresAt: at(4),
          price: usd(3000),
          costSource: 'vendor',
          reason: 'autoRenew',
        },
      ],
      unpriced: 0,
      coversUntil: null,
      shortBy: { amount: usd(2000), on: at(4) },
    };
    const runway = runwayCsv({ windowDays: 30, accounts: [acct] }, '2026-11-20');
    expect(runway.fileName).toBe('proxydeck-runway-2026-11-20.csv');
    const lines = runway.content.split('\r\n');
    expect(lines[1]).toBe(`Shop A,YouProxy,10.0.0.1,ip,${at(4)},30.00,USD,vendor,auto-renew,,,,,,,`);
    expect(lines[2]).toBe(`Shop A,YouProxy,,,,,,,,10.00,USD,,20.00,USD,${at(4)},0`);
  });
});

describe('runway settings', () => {
  it('older settings files load with the defaults; a patch without them changes nothing', () => {
    const { runwayDays: _a, runwayAlertDays: _b, ...older } = DEFAULT_SETTINGS;
    expect(SettingsSchema.parse(older)).toMatchObject({ runwayDays: 30, runwayAlertDays: 7 });
    expect(SettingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(SettingsPatchSchema.safeParse({ runwayDays: 0 }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ runwayDays: 181 }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ runwayAlertDays: 0 }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ runwayAlertDays: 91 }).success).toBe(false);
  });
});

describe('runway reminder', () => {
  const dirs: (() => void)[] = [];
  afterEach(() => {
    for (const c of dirs.splice(0)) c();
  });

  const runway = (accountId: string, shortOn: string | null): AccountRunway => ({
    accountId,
    accountLabel: accountId,
    vendor: 'youproxy',
    balance: usd(100),
    hasBalanceApi: true,
    committed: [usd(500)],
    items: [
      {
        item: { accountId, kind: 'ip', id: 'ip1' },
        label: '10.0.0.1',
        expiresAt: at(2),
        price: usd(500),
        costSource: 'vendor',
        reason: 'autoRenew',
      },
    ],
    unpriced: 0,
    coversUntil: null,
    shortBy: shortOn ? { amount: usd(400), on: shortOn } : null,
  });

  function setup(dir: string, report: { current: RunwayReport }, alertDays = 7) {
    const events = new EventHub();
    const seen: AppEvent[] = [];
    events.on((e) => seen.push(e));
    const reminder = new RunwayReminder(dir, {
      events,
      report: () => report.current,
      accounts: () => [
        { id: 'real', label: 'Shop', vendor: 'youproxy' },
        { id: 'demo', label: 'Demo', vendor: 'youproxy', demo: true },
      ],
      alertDays: () => alertDays,
      now: () => NOW,
      timeZone: 'UTC',
    });
    return { reminder, seen };
  }

  it('tells once per account per low-runway episode, across restarts, and never for demo accounts', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const report = { current: { windowDays: 30, accounts: [runway('real', at(2)), runway('demo', at(2))] } };
    const first = setup(dir, report);
    expect(first.reminder.check()).toEqual(['real']);
    expect(first.seen).toHaveLength(1);
    const e = first.seen[0]!;
    expect(e.type === 'reminder' && e.reminder).toMatchObject({
      accountId: 'real',
      title: 'The balance at Shop · YouProxy runs short on 2026-11-22',
      body: 'The renewal due by 2026-11-22 needs 4.00 USD more than the balance. Top up at the vendor to keep it.',
      itemIds: ['ip1'],
    });
    // Still low: nothing more, also after a restart.
    expect(first.reminder.check()).toEqual([]);
    const restarted = setup(dir, report);
    expect(restarted.reminder.check()).toEqual([]);
    expect(restarted.seen).toHaveLength(0);
    // Covered again (a top-up): the episode ends; low again later: a new reminder.
    report.current = { windowDays: 30, accounts: [runway('real', null), runway('demo', null)] };
    expect(restarted.reminder.check()).toEqual([]);
    report.current = { windowDays: 30, accounts: [runway('real', at(6)), runway('demo', at(1))] };
    expect(restarted.reminder.check()).toEqual(['real']);
    expect(restarted.seen.filter((x) => x.type === 'reminder')).toHaveLength(1);
  });

  it('is off at 0 days, and quiet while the shortfall is beyond the threshold', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const report = { current: { windowDays: 30, accounts: [runway('real', at(10))] } };
    expect(setup(dir, report).reminder.check()).toEqual([]); // short on day 10, alert at 7
    report.current = { windowDays: 30, accounts: [runway('real', at(1))] };
    const off = setup(dir, report, 0);
    expect(off.reminder.check()).toEqual([]);
    expect(off.seen).toHaveLength(0);
  });

  it('speaks the app language', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const events = new EventHub();
    const seen: AppEvent[] = [];
    events.on((e) => seen.push(e));
    new RunwayReminder(dir, {
      events,
      report: () => ({ windowDays: 30, accounts: [runway('real', at(2))] }),
      accounts: () => [{ id: 'real', label: 'Shop', vendor: 'youproxy' }],
      alertDays: () => 7,
      language: () => 'zh-CN',
      now: () => NOW,
      timeZone: 'UTC',
    }).check();
    const e = seen[0]!;
    expect(e.type === 'reminder' && e.reminder.title).toBe('Shop · YouProxy 的余额将在 2026-11-22 不足');
  });
});

describe('reports handlers', () => {
  const handlers = reportsHandlers({
    business: () => business({ customers: [customer(C1)] }),
    accounts: () => [],
    snapshots: () => [],
    capabilities: () => new Set(),
    operations: () => [],
    audit: () => [],
    purchases: () => [],
    runwayDays: () => 30,
    now: () => NOW,
    timeZone: 'UTC',
  });

  it('refuses a range that ends before it starts, and answers CSV with its file name', async () => {
    expect(() => handlers['reports:margin']({ from: '2026-11', to: '2026-10', convert: false })).toThrow(
      /before the first/,
    );
    const csv = await handlers['reports:csv']({ kind: 'runway' });
    expect(csv.fileName).toBe('proxydeck-runway-2026-11-20.csv');
    const spend = await handlers['reports:csv']({ kind: 'spend', query: { from: '2026-11', to: '2026-11' } });
    expect(spend.content).toBe('Month,Vendor,Account,Spent,Currency,Source\r\n');
  });
});
