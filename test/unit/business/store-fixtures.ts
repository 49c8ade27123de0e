/** Shared pieces of the business store tests: a temp data folder, a movable clock, sample data. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusinessData } from '../../../main/core/business/business-store';

export const ACC = '11111111-1111-4111-8111-111111111111';
export const CUST = '22222222-2222-4222-8222-222222222222';

export function tempDir(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'pd-business-'));
  return { dir: join(root, 'data'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A clock at local noon of a given day (so the local day is that day in any time zone). */
export function clock(start = '2026-03-01'): {
  now: () => Date;
  day: (d: string) => void;
  tick: () => void;
  advance: (ms: number) => void;
} {
  let t = new Date(`${start}T12:00:00`);
  return {
    now: () => new Date(t),
    day: (d) => {
      t = new Date(`${d}T12:00:00`);
    },
    tick: () => {
      t = new Date(t.getTime() + 1000);
    },
    advance: (ms) => {
      t = new Date(t.getTime() + ms);
    },
  };
}

export function sample(name = 'Ana'): BusinessData {
  const at = '2026-03-01T10:00:00.000Z';
  return {
    version: 1,
    customers: [
      {
        id: CUST,
        name,
        contact: '',
        notes: '',
        exportTemplate: null,
        defaultPrice: { minor: 1250, currency: 'USD' },
        createdAt: at,
        updatedAt: at,
      },
    ],
    items: [
      {
        item: { accountId: ACC, kind: 'ip', id: '1.2.3.4' },
        vendor: 'youproxy',
        label: '1.2.3.4',
        customerId: CUST,
        price: null,
        keep: true,
        assignedAt: null,
        updatedAt: at,
      },
    ],
    rates: null,
  };
}

export const withName =
  (name: string) =>
  (d: BusinessData): BusinessData => ({
    ...d,
    customers: d.customers.length ? d.customers.map((c) => ({ ...c, name })) : sample(name).customers,
    items: d.items.length ? d.items : sample(name).items,
  });
