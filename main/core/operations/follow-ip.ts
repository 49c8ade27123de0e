/**
 * "Follow my IP" (issue 15 §2, settings.followPublicIp): after each refresh pass the public IP is
 * checked; the last one seen is kept in the data folder (follow-ip.json, written atomically). When it
 * changes, and some accounts list the old one, the window is told ONCE ('public-ip-changed'); only on
 * the user's confirmation is the new IP added and then the old one removed, per account, through the
 * existing whitelist handlers (sent once, settled by reading). Nothing is ever removed without that
 * confirmation; a dismissed question is not asked again for the same change.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AccountSnapshot } from '../../../preload/contract/model';
import { VENDOR_FORM_RULES } from '../../../preload/contract/vendors';
import {
  type FollowIpAccountResult,
  type FollowIpPrompt,
  type FollowIpReplace,
  ipKey,
  type PublicIp,
} from '../../../preload/contract/whitelist-bulk';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import type { EventHub } from '../events';
import { type Handlers, toAppError } from '../ipc/dispatcher';
import { writeFileAtomic } from '../renewals/atomic-file';
import { readJson } from '../store/open-file';

export const FOLLOW_IP_FILE = 'follow-ip.json';

interface Change {
  changeId: string;
  from: string;
  to: string;
  detectedAt: string;
}

interface State {
  lastIp: string | null;
  seenAt: string | null;
  /** The change waiting for an answer (asked once); null when none. */
  pending: Change | null;
}

export interface FollowIpDeps {
  dataDir: string;
  enabled: () => boolean;
  publicIp: () => Promise<PublicIp>;
  accounts: Pick<AccountsService, 'list'>;
  snapshot: (accountId: string) => Pick<AccountSnapshot, 'whitelist'> | null;
  events: Pick<EventHub, 'emit'>;
  add: Handlers['whitelist:add'];
  remove: Handlers['whitelist:remove'];
  now?: () => Date;
  warn?: (msg: string) => void;
}

export class FollowIp {
  private state: State;
  private checking: Promise<void> | null = null;
  private readonly file: string;

  constructor(private readonly deps: FollowIpDeps) {
    this.file = join(deps.dataDir, FOLLOW_IP_FILE);
    this.state = load(this.file);
  }

  /** Called when a refresh pass is done; one check at a time (a pass of many accounts checks once). */
  onRefreshed(): Promise<void> {
    if (!this.deps.enabled()) return Promise.resolve();
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async check(): Promise<void> {
    let seen: PublicIp;
    try {
      seen = await this.deps.publicIp();
    } catch (e) {
      this.deps.warn?.(`follow my IP: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const last = this.state.lastIp;
    const next: State = { ...this.state, lastIp: seen.ip, seenAt: seen.checkedAt };
    if (last !== null && ipKey(last) !== ipKey(seen.ip)) {
      // Still unanswered: the accounts hold the first address, so the question is from that one.
      const from = this.state.pending?.from ?? last;
      if (ipKey(from) === ipKey(seen.ip)) next.pending = null;
      else {
        next.pending = { changeId: randomUUID(), from, to: seen.ip, detectedAt: seen.checkedAt };
        const prompt = this.promptOf(next.pending);
        if (prompt.accounts.length === 0) next.pending = null;
        this.save(next);
        if (next.pending) this.deps.events.emit({ type: 'public-ip-changed', prompt });
        return;
      }
    }
    this.save(next);
  }

  /** The open question, if any (a window opened after the event asks it from here). */
  pending(): FollowIpPrompt | null {
    const p = this.state.pending;
    return p ? this.promptOf(p) : null;
  }

  dismiss(changeId: string): { ok: true } {
    if (this.state.pending?.changeId === changeId) this.save({ ...this.state, pending: null });
    return { ok: true };
  }

  /** Only on confirmation: add the new IP, then remove the old one, on the confirmed accounts that had it. */
  async replace(input: FollowIpReplace): Promise<FollowIpAccountResult[]> {
    const change = this.state.pending;
    if (!change || change.changeId !== input.changeId) {
      throw new AppFailure('not_found', 'This question about your IP is no longer open. Nothing was changed.');
    }
    const had = new Set(this.promptOf(change).accounts.map((a) => a.accountId));
    const chosen = input.accounts.filter((a) => had.has(a.accountId));
    if (chosen.length === 0) {
      throw new AppFailure(
        'invalid_argument',
        `None of the chosen accounts lists ${change.from}. Nothing was changed.`,
      );
    }
    this.save({ ...this.state, pending: null });
    return Promise.all(chosen.map((a) => this.replaceOn(a.accountId, change, a.verifyCode)));
  }

  private async replaceOn(accountId: string, change: Change, code?: string): Promise<FollowIpAccountResult> {
    const vendor = this.deps.accounts.list().find((a) => a.id === accountId)?.vendor;
    if (!vendor) {
      return {
        accountId,
        added: false,
        removed: 'kept',
        error: toAppError(new AppFailure('not_found', 'This account no longer exists.')),
      };
    }
    try {
      const listed = (this.deps.snapshot(accountId)?.whitelist ?? []).some((e) => ipKey(e.ip) === ipKey(change.to));
      if (!listed) await this.deps.add({ accountId, ips: [change.to] });
    } catch (e) {
      return { accountId, added: false, removed: 'kept', error: toAppError(e) };
    }
    const needsCode = VENDOR_FORM_RULES[vendor].whitelist?.removeNeedsCode ?? false;
    if (needsCode && !code) return { accountId, added: true, removed: 'needs_code', error: null };
    try {
      await this.deps.remove({ accountId, ips: [change.from], ...(needsCode && code ? { verifyCode: code } : {}) });
      return { accountId, added: true, removed: 'done', error: null };
    } catch (e) {
      return { accountId, added: true, removed: 'failed', error: toAppError(e) };
    }
  }

  private promptOf(c: Change): FollowIpPrompt {
    const accounts: FollowIpPrompt['accounts'] = [];
    for (const a of this.deps.accounts.list()) {
      const rules = VENDOR_FORM_RULES[a.vendor].whitelist;
      if (!rules) continue;
      const list = this.deps.snapshot(a.id)?.whitelist ?? [];
      if (list.some((e) => ipKey(e.ip) === ipKey(c.from))) {
        accounts.push({ accountId: a.id, label: a.label, removeNeedsCode: rules.removeNeedsCode });
      }
    }
    return { ...c, accounts };
  }

  private save(next: State): void {
    this.state = next;
    try {
      writeFileAtomic(this.file, `${JSON.stringify(next)}\n`);
    } catch (e) {
      // A full or read-only disk: kept in memory; saved again with the next change.
      this.deps.warn?.(`follow my IP: could not save (${e instanceof Error ? e.message : String(e)})`);
    }
  }
}

function load(file: string): State {
  const empty: State = { lastIp: null, seenAt: null, pending: null };
  let data: Record<string, unknown> | null = null;
  try {
    data = readJson(file).data;
  } catch {
    return empty;
  }
  if (!data) return empty;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 200 ? v : null);
  const p = data.pending && typeof data.pending === 'object' ? (data.pending as Record<string, unknown>) : null;
  const changeId = str(p?.changeId);
  const from = str(p?.from);
  const to = str(p?.to);
  const detectedAt = str(p?.detectedAt);
  return {
    lastIp: str(data.lastIp),
    seenAt: str(data.seenAt),
    pending: changeId && from && to && detectedAt ? { changeId, from, to, detectedAt } : null,
  };
}
