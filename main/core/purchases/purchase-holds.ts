import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VENDOR_IDS } from '../../../preload/contract/model';
import { PurchaseRequestSchema } from '../../../preload/contract/purchases';
import { writeFileAtomic } from '../renewals/atomic-file';
import type { DiskHealth } from '../store/disk-health';
import { type PurchaseRecord, signatureOf } from './purchase-record';

/**
 * What keeps a purchase blocked when its journal file is damaged on disk (purchase-journal.ts):
 *  - readable enough (account, vendor and request) → rebuilt as an 'uncertain' record: it blocks the
 *    same purchase and is settled like any other (reconcile, or the user's "bought / not bought");
 *  - otherwise a hold in `purchases/holds.json`: every purchase on its account (every account when
 *    the account cannot be read) is refused until the user checked the vendor dashboard and
 *    released it (`purchases:resolve` with the hold's id, the damaged file's name);
 *  - readable and already finished (done / failed) → nothing to block; the file is moved aside.
 * A damaged holds.json blocks every purchase (the safe reading) until released the same way.
 */

export const HoldSchema = z.object({
  /** The damaged record's id (its file name), or a new one for a file not named by an id. */
  id: z.string().min(1),
  file: z.string(),
  /** Null = the account could not be read: every account is blocked. */
  accountId: z.string().nullable(),
  operationAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Hold = z.infer<typeof HoldSchema>;

const HoldsFileSchema = z.object({ version: z.literal(1), holds: z.array(HoldSchema) });

export interface Damage {
  file: string;
  movedTo: string;
  reason: string;
  kind: 'record' | 'hold' | 'settled';
  accountId: string | null;
}

export const DAMAGED_HOLDS_ID = '00000000-0000-4000-8000-000000000000';

export class HoldsFile {
  private readonly path: string;
  private holds: Hold[] = [];
  private damaged = false;

  constructor(
    dir: string,
    private readonly disk: DiskHealth,
  ) {
    this.path = join(dir, 'holds.json');
    if (!existsSync(this.path)) return;
    try {
      this.holds = HoldsFileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8'))).holds;
    } catch {
      this.damaged = true;
    }
  }

  list(): Hold[] {
    const all = structuredClone(this.holds);
    if (this.damaged) {
      all.push({ id: DAMAGED_HOLDS_ID, file: 'holds.json', accountId: null, operationAt: null, createdAt: '' });
    }
    return all;
  }

  /** True when the hold reached the disk (then the damaged file may be moved aside). */
  add(hold: Hold): boolean {
    if (this.holds.some((h) => h.id === hold.id)) return this.disk.problem('purchase-holds') === null;
    return this.write([...this.holds, HoldSchema.parse(hold)]);
  }

  release(id: string): Hold | null {
    if (id === DAMAGED_HOLDS_ID && this.damaged) {
      this.damaged = false;
      this.write(this.holds);
      return { id, file: 'holds.json', accountId: null, operationAt: null, createdAt: '' };
    }
    const found = this.holds.find((h) => h.id === id) ?? null;
    if (found) this.write(this.holds.filter((h) => h.id !== id));
    return found;
  }

  /** Memory first (it is what blocks), then the disk. */
  private write(holds: Hold[]): boolean {
    this.holds = holds;
    return this.disk.write('purchase-holds', () =>
      writeFileAtomic(this.path, `${JSON.stringify({ version: 1, holds: this.holds }, null, 2)}\n`),
    );
  }
}

type Salvaged =
  | { kind: 'record'; record: PurchaseRecord; accountId: string }
  | { kind: 'hold'; accountId: string | null; operationAt: string | null }
  | { kind: 'settled'; accountId: string | null; operationAt: string | null };

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** What can still be read from a damaged record (see the module comment). */
export function salvageRecord(raw: string, id: string, at: string): Salvaged {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object') {
    // Torn text: pick out the account; anything else is a guess.
    const accountId = /"accountId"\s*:\s*"((?:[^"\\]|\\.)+)"/.exec(raw)?.[1] ?? null;
    const operationAt = /"createdAt"\s*:\s*"([^"]+)"/.exec(raw)?.[1] ?? null;
    return { kind: 'hold', accountId, operationAt };
  }
  const o = parsed as Record<string, unknown>;
  const accountId = str(o.accountId);
  const operationAt = str(o.createdAt);
  if (o.state === 'done' || o.state === 'failed') return { kind: 'settled', accountId, operationAt };
  const vendor = VENDOR_IDS.find((v) => v === o.vendor);
  const request = PurchaseRequestSchema.safeParse(o.request);
  if (!accountId || !vendor || !request.success) return { kind: 'hold', accountId, operationAt };
  const evidence = Array.isArray(o.evidenceBefore) && o.evidenceBefore.every((x) => typeof x === 'string');
  const record: PurchaseRecord = {
    version: 1,
    id,
    batchId: str(o.batchId) ?? id,
    accountId,
    accountLabel: str(o.accountLabel) ?? '',
    vendor,
    request: request.data,
    signature: signatureOf(accountId, request.data),
    summary: str(o.summary) ?? request.data.kind,
    state: 'uncertain',
    quotedTotal: null,
    vendorQuoted: false,
    charged: null,
    reference: null,
    created: [],
    spends: o.spends === 'traffic' || o.spends === 'external' ? o.spends : 'money',
    message:
      'The record of this purchase was damaged on disk, so Proxydeck cannot tell whether it was bought. ' +
      'Check your vendor dashboard, then mark it as bought or not bought. The same purchase is blocked until then.',
    evidenceBefore: evidence ? (o.evidenceBefore as string[]) : null,
    balanceBefore: null,
    createdAt: operationAt ?? at,
    updatedAt: at,
    history: [{ at, state: 'uncertain', note: 'rebuilt from a damaged record' }],
  };
  return { kind: 'record', record, accountId };
}
