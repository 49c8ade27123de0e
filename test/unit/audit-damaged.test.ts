/**
 * Damaged audit lines are counted and reported, never skipped silently: the audit:list channel
 * carries how many lines could not be read, the Activity view says so (en + zh-CN), and the CSV
 * export keeps working with the rows that can be read.
 */
import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, type AuditRow } from '../../main/core/renewals/audit';
import { releaseDiskHealth } from '../../main/core/store/disk-health';
import { renewEn } from '../../renderer/i18n/renew.en';
import { renewZhCN } from '../../renderer/i18n/renew.zh-CN';
import { tempDir } from '../helpers/tmp';
import { type DiskEnv, ok, startCore } from './disk-env';

let dir: string;
let cleanup: () => void;
let env: DiskEnv | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir('proxydeck-audit-')));
afterEach(async () => {
  await env?.close();
  env = null;
  releaseDiskHealth(dir);
  cleanup();
});

const row = (operationId: string): AuditRow => ({
  at: '2026-11-20T10:00:00.000Z',
  action: 'renew',
  operationId,
  accountId: 'acc',
  accountLabel: 'Shop',
  vendor: 'youproxy',
  items: [{ kind: 'ip', id: '1', label: '10.0.0.1', state: 'done' }],
  quoteTotal: { minor: 300, currency: 'USD' },
  vendorQuoted: true,
  charged: { minor: 300, currency: 'USD' },
  result: 'done: 1 renewed, 0 failed',
  reference: null,
  message: null,
});

/** Two good rows around a line torn by a power cut, one of the wrong shape, and one that is not JSON. */
function damagedLog(): AuditLog {
  const audit = new AuditLog(dir);
  audit.append(row('op-1'));
  appendFileSync(audit.path, '{"at":"2026-11-20T10:01:00.000Z","action":"ren');
  audit.append(row('op-2')); // starts on a new line, so the torn one stays alone
  appendFileSync(audit.path, `${JSON.stringify({ ...row('op-3'), action: 'refund' })}\nnot json at all\n`);
  return audit;
}

describe('damaged audit lines', () => {
  it('are counted, and the readable rows are all kept', () => {
    const read = damagedLog().read();
    expect(read.rows.map((r) => r.operationId)).toEqual(['op-1', 'op-2']);
    expect(read.damagedLines).toBe(3);
  });

  it('the audit:list channel carries the count, and the CSV export still has every readable row', async () => {
    damagedLog();
    env = await startCore(dir);
    const list = ok(await env.call('audit:list'));
    expect(list.damagedLines).toBe(3);
    expect(list.rows.map((r) => r.operationId)).toEqual(['op-1', 'op-2']);
    const csv = ok(await env.call('audit:csv'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Time \(UTC\),Action,Account,/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain('op-1');
    expect(csv).toContain('op-2');
  });

  it('a clean log reports zero damaged lines', async () => {
    new AuditLog(dir).append(row('op-1'));
    env = await startCore(dir);
    expect(ok(await env.call('audit:list')).damagedLines).toBe(0);
  });

  it('the Activity view says how many lines could not be read, in English and Chinese', () => {
    const say = (text: string, count: number) => text.replace('{{count}}', String(count));
    expect(say(renewEn.activity.damaged_one, 1)).toMatch(/^1 line of the activity log could not be read/);
    expect(say(renewEn.activity.damaged_other, 3)).toMatch(/^3 lines of the activity log could not be read/);
    expect(say(renewZhCN.activity.damaged_other, 3)).toMatch(/^操作记录中有 3 行无法读取/);
    for (const text of [renewEn.activity.damaged_one, renewZhCN.activity.damaged_one]) {
      expect(text).toContain('{{count}}');
    }
  });
});
