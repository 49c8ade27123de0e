import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DiskHealth } from '../store/disk-health';
import { writeFileAtomic } from './atomic-file';

/**
 * Holds: what keeps items blocked when the journal entry that protected them is damaged on disk.
 *
 * A journal entry in intent / sending / uncertain says "this may have been paid". If that file is
 * damaged, moving it aside must not lift the block, or the user could pay twice. So before a damaged
 * entry is moved aside, a hold is written to `journal/holds.json` with whatever could be salvaged:
 *  - the account and the items (and the expiries read before sending, when readable) → those items
 *    stay blocked until reconcile can read that each one was or was not renewed, or the user says so;
 *  - only the account → every item of that account is blocked;
 *  - nothing → every renewal is blocked until the user has checked and released the hold.
 * An entry that is readable enough to show every item settled (done / failed) needs no hold.
 * A damaged holds file blocks everything (the safe reading) and is reported.
 */

const TargetRefSchema = z.object({
  kind: z.enum(['order', 'ip', 'server']),
  id: z.string().min(1),
  label: z.string().default(''),
  expiresBefore: z.string().nullable().default(null),
});

export const HoldSchema = z.object({
  /** The damaged file's name (also the hold's id). */
  file: z.string().min(1),
  movedTo: z.string(),
  createdAt: z.string(),
  /** Null = the account could not be read: every account is blocked. */
  accountId: z.string().nullable(),
  /** Null = the items could not be read: every item of the account is blocked. */
  targets: z.array(TargetRefSchema).nullable(),
  /** The operation's time, when readable (shown to the user as what to look for). */
  operationAt: z.string().nullable(),
});
export type Hold = z.infer<typeof HoldSchema>;

const HoldsFileSchema = z.object({ version: z.literal(1), holds: z.array(HoldSchema) });

const UNSETTLED = new Set(['intent', 'sending', 'uncertain']);

/** What can be read from a damaged entry. `settled` = readable, and every item done or failed. */
export function salvage(raw: string): { settled: boolean } & Pick<Hold, 'accountId' | 'targets' | 'operationAt'> {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed === 'object') {
    const o = parsed as Record<string, unknown>;
    const items = Array.isArray(o.items) ? (o.items as unknown[]) : null;
    const accountId = typeof o.accountId === 'string' && o.accountId ? o.accountId : null;
    const operationAt = typeof o.createdAt === 'string' ? o.createdAt : null;
    if (items && items.length > 0) {
      const refs = items.map((it) => {
        const i = (it ?? {}) as Record<string, unknown>;
        const t = (i.target ?? {}) as Record<string, unknown>;
        return {
          state: typeof i.state === 'string' ? i.state : null,
          ref: TargetRefSchema.safeParse({
            kind: t.kind,
            id: t.id,
            label: typeof t.label === 'string' ? t.label : '',
            expiresBefore: typeof i.expiresBefore === 'string' ? i.expiresBefore : null,
          }),
        };
      });
      const allRead = refs.every((r) => r.ref.success && r.state !== null);
      const settled = allRead && refs.every((r) => !UNSETTLED.has(r.state as string));
      if (settled) return { settled: true, accountId, targets: [], operationAt };
      const targets = allRead ? refs.filter((r) => UNSETTLED.has(r.state as string)).map((r) => r.ref.data!) : null;
      return { settled: false, accountId, targets, operationAt };
    }
    return { settled: false, accountId, targets: null, operationAt };
  }
  // Not JSON at all: pick out what the text still shows. Items found in torn text would only be a
  // lower bound, so the block covers the whole account (or every account when that is unreadable).
  const account = /"accountId"\s*:\s*"((?:[^"\\]|\\.)+)"/.exec(raw)?.[1] ?? null;
  const at = /"createdAt"\s*:\s*"([^"]+)"/.exec(raw)?.[1] ?? null;
  return { settled: false, accountId: account, targets: null, operationAt: at };
}

export class Holds {
  private readonly path: string;
  private holds: Hold[] = [];
  /** True when holds.json itself was unreadable: everything is blocked until the user releases it. */
  private damaged = false;

  /** With `disk`, a write the disk refuses is kept in memory (still blocking) and retried. */
  constructor(
    dir: string,
    private readonly disk?: DiskHealth,
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
      all.push({
        file: 'holds.json',
        movedTo: 'holds.json',
        createdAt: '',
        accountId: null,
        targets: null,
        operationAt: null,
      });
    }
    return all;
  }

  /**
   * Written BEFORE the damaged entry is moved aside: a crash in between keeps the block. Returns
   * whether the hold is on disk; when not, it blocks from memory and the entry must stay where it is.
   */
  add(hold: Hold): boolean {
    if (this.holds.some((h) => h.file === hold.file)) return this.disk?.problem('holds') == null;
    return this.write([...this.holds, HoldSchema.parse(hold)]);
  }

  release(file: string): boolean {
    if (file === 'holds.json' && this.damaged) {
      this.damaged = false;
      this.write(this.holds);
      return true;
    }
    const next = this.holds.filter((h) => h.file !== file);
    if (next.length === this.holds.length) return false;
    this.write(next);
    return true;
  }

  /** Replaces a hold's targets with the ones still unsettled; releases it when none are left. */
  narrow(file: string, remaining: Hold['targets']): void {
    if (remaining && remaining.length === 0) {
      this.release(file);
      return;
    }
    this.write(this.holds.map((h) => (h.file === file ? { ...h, targets: remaining } : h)));
  }

  /** The hold that blocks this item, if any. */
  blocking(accountId: string, target: { kind: string; id: string }): Hold | undefined {
    return this.list().find(
      (h) =>
        (h.accountId === null || h.accountId === accountId) &&
        (h.targets === null || h.targets.some((t) => t.kind === target.kind && t.id === target.id)),
    );
  }

  /** Memory first (it is what blocks), then the disk; true when the disk has it. */
  private write(holds: Hold[]): boolean {
    this.holds = holds;
    const save = () => writeFileAtomic(this.path, `${JSON.stringify({ version: 1, holds: this.holds }, null, 2)}\n`);
    if (!this.disk) {
      save();
      return true;
    }
    return this.disk.write('holds', save);
  }
}

/** Why an item cannot be renewed while a damaged record's hold covers it (plain words). */
export function holdRefusal(name: string, hold: Hold): string {
  const when = hold.operationAt ? ` from ${hold.operationAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  const scope = hold.targets === null ? (hold.accountId === null ? 'any item' : 'items of this account') : name;
  return (
    `A record of an earlier renewal${when} is damaged and may include ${scope}, so ${name} cannot be renewed ` +
    'yet: it may already have been paid. Check the expiry in your vendor dashboard, then release the damaged ' +
    'record in Activity.'
  );
}
