import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, type AuditRow, csvCell } from '../../../main/core/renewals/audit';
import { dueReminders, type ReminderItem, Reminders } from '../../../main/core/renewals/reminders';
import { tempDir } from '../../helpers/tmp';

const dirs: (() => void)[] = [];
const fresh = () => {
  const t = tempDir('proxydeck-renewals-unit-');
  dirs.push(t.cleanup);
  return t.dir;
};
afterEach(() => {
  for (const c of dirs.splice(0)) c();
});

const row = (over: Partial<AuditRow> = {}): AuditRow => ({
  at: '2026-11-23T12:00:00.000Z',
  action: 'renew',
  operationId: 'op-1',
  accountId: 'a1',
  accountLabel: 'Acme, "main"',
  vendor: 'youproxy',
  items: [{ kind: 'ip', id: '1', label: '1.2.3.4', state: 'done' }],
  quoteTotal: { minor: 1205, currency: 'USD' },
  vendorQuoted: true,
  charged: { minor: 1205, currency: 'USD' },
  result: 'done: 1 renewed, 0 failed',
  reference: null,
  message: 'line one\nline two',
  ...over,
});

describe('audit log', () => {
  it('appends JSON lines and exports RFC-4180 CSV', () => {
    const dir = fresh();
    const log = new AuditLog(dir);
    log.append(row());
    log.append(
      row({ action: 'reconcile', accountLabel: '=HYPERLINK("x")', quoteTotal: { minor: 5, currency: 'JPY' } }),
    );
    expect(log.list()).toHaveLength(2);
    const csv = log.toCsv();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Time (UTC),Action,Account,Vendor,Items,Quoted total,Currency,Vendor quoted,Charged,Result,Reference,Message,Operation id',
    );
    expect(csv).toContain('"Acme, ""main"""');
    expect(csv).toContain('"line one\nline two"');
    expect(csv).toContain(',12.05,USD,yes,12.05,');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`); // formula text is defused
    expect(csv).toContain(',5,JPY,'); // yen has no minor digits
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('a line cut short (power loss) is skipped and counted, the rest still reads', () => {
    const dir = fresh();
    const log = new AuditLog(dir);
    log.append(row());
    appendFileSync(join(dir, 'audit.jsonl'), '{"at":"2026');
    log.append(row({ operationId: 'op-2' }));
    expect(log.list().map((r) => r.operationId)).toEqual(['op-1', 'op-2']);
    expect(log.damagedLines).toBe(1);
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).not.toContain('apiKey');
  });

  it('csvCell quotes only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('-12.30')).toBe('-12.30');
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

describe('expiry reminders', () => {
  const DAY = 86_400_000;
  const start = Date.parse('2026-11-23T12:00:00.000Z');
  const at = (days: number) => new Date(start + days * DAY).toISOString();
  const items: ReminderItem[] = [
    {
      accountId: 'a',
      accountLabel: 'Demo',
      vendor: 'youproxy',
      kind: 'ip',
      id: '1',
      label: '1.1.1.1',
      expiresAt: at(10),
    },
    {
      accountId: 'a',
      accountLabel: 'Demo',
      vendor: 'youproxy',
      kind: 'ip',
      id: '2',
      label: '1.1.1.2',
      expiresAt: at(10),
    },
    {
      accountId: 'a',
      accountLabel: 'Demo',
      vendor: 'youproxy',
      kind: 'ip',
      id: '3',
      label: '1.1.1.3',
      expiresAt: at(10.5),
    },
    {
      accountId: 'b',
      accountLabel: 'Shard',
      vendor: 'proxyshard',
      kind: 'order',
      id: '9',
      label: 'ISP',
      expiresAt: at(8),
    },
    {
      accountId: 'b',
      accountLabel: 'Shard',
      vendor: 'proxyshard',
      kind: 'order',
      id: '8',
      label: 'DC',
      expiresAt: null,
    },
  ];

  it('7/3/1 fire once each per item, one per account or one summary, and not again after a restart', () => {
    const dir = fresh();
    let now = new Date(start);
    const make = () => new Reminders(dir, { now: () => now });
    let r = make();
    expect(r.check(items)).toEqual([]); // 10 days out: nothing yet

    now = new Date(start + 3.5 * DAY); // 6.5 / 7.0 days left for a; 4.5 for b
    const seven = r.check(items);
    // Two accounts due: one summary, not one notification per account.
    expect(seven.map((n) => [n.title, n.body])).toEqual([
      [
        '4 items in 2 accounts expire within 7 days',
        'Soonest: ISP at Shard, 1.1.1.1 at Demo, 1.1.1.2 at Demo and 1 more. Renew in Proxydeck to keep them.',
      ],
    ]);
    expect(seven[0]!.accountId).toBe('');
    expect(seven[0]!.itemIds).toEqual(['b|9', 'a|1', 'a|2', 'a|3']);
    expect(seven[0]!.items[0]).toEqual({ accountId: 'b', kind: 'order', id: '9' });
    expect(r.check(items)).toEqual([]); // same moment: not repeated

    r = make(); // restart
    expect(r.check(items)).toEqual([]);

    now = new Date(start + 7.2 * DAY); // a: 2.8 / 3.3 days left → only ips 1,2 within 3; b: 0.8 → within 1 (3 skipped)
    const next = r.check(items);
    expect(next.map((n) => [n.title, n.body, n.thresholdDays, n.itemIds])).toEqual([
      [
        '3 items in 2 accounts expire within 3 days',
        'Soonest: ISP at Shard (within 1 day), 1.1.1.1 at Demo (within 3 days), 1.1.1.2 at Demo (within 3 days). Renew in Proxydeck to keep them.',
        1,
        ['b|9', 'a|1', 'a|2'],
      ],
    ]);
    r = make();
    expect(r.check(items)).toEqual([]);

    now = new Date(start + 7.6 * DAY); // ip 3 now within 3 days
    expect(r.check(items).map((n) => [n.title, n.itemIds])).toEqual([
      ['1 IP at Demo · YouProxy expires within 3 days', ['3']],
    ]);

    now = new Date(start + 9.2 * DAY); // a: within 1 day; b: expired → nothing
    expect(r.check(items).map((n) => n.title)).toEqual(['2 IPs at Demo · YouProxy expire within 1 day']);
    now = new Date(start + 9.6 * DAY);
    expect(r.check(items).map((n) => n.itemIds)).toEqual([['3']]);
    r = make();
    now = new Date(start + 9.9 * DAY);
    expect(r.check(items)).toEqual([]);
  });

  it('a renewed item (new expiry) is reminded again next time', () => {
    const once = dueReminders([{ ...items[0]!, expiresAt: at(2) }], new Set(), new Date(start));
    expect(once.notifications).toHaveLength(1);
    const fired = new Set(once.newlyFired);
    expect(dueReminders([{ ...items[0]!, expiresAt: at(2) }], fired, new Date(start)).notifications).toEqual([]);
    const renewed = dueReminders([{ ...items[0]!, expiresAt: at(32) }], fired, new Date(start + 29 * DAY));
    expect(renewed.notifications.map((n) => n.thresholdDays)).toEqual([3]);
  });
});
