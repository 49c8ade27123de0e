/**
 * Pure: what "Needs attention" lists, one entry per problem and account, each with the action that fixes
 * it. Texts are made by the view (in the UI language); this only decides what is there. No React here.
 */
import type { AccountSummary, VendorSummary } from '../../../preload/contract/channels';
import type { ErrorCode } from '../../../preload/contract/errors';
import type { Money } from '../../../preload/contract/model';
import { type AccountRef, accountRef, isLowBalance } from '../../lib/inventory';
import type { HeldSnapshot } from '../../stores/proxy-table';
import { type AccountRefresh, accountStatus } from '../../stores/snapshots';
import type { DashItem, ExpiryLists } from './expiry';

export type AttentionEntry = AccountRef & { key: string } & (
    | { type: 'failed'; code: ErrorCode | undefined; message: string | null; keyProblem: boolean }
    | { type: 'section'; section: string; code: string | undefined; message: string }
    | { type: 'lowBalance'; money: Money }
    /** Ended items the vendor still renews: here (Renew) or only in its dashboard. */
    | { type: 'expired'; way: 'here' | 'dashboard'; items: DashItem[] }
    /**
     * Upcoming renewals (ending soon and renewable here, or renewed automatically) whose known prices add up
     * to more than the balance. `unpriced` = how many of them have no known price (not counted in `need`).
     */
    | { type: 'shortFunds'; need: Money; balance: Money; items: DashItem[]; unpriced: number }
  );

export interface AttentionInput {
  accounts: AccountSummary[];
  vendors: VendorSummary[];
  snaps: Record<string, HeldSnapshot>;
  refresh: Record<string, AccountRefresh>;
  lists: ExpiryLists;
  lowBalanceUsd: number;
}

/** The renewals that will draw on the balance soon: renewable here, or renewed by the vendor on its own. */
export function upcomingCharges(lists: ExpiryLists, accountId: string): DashItem[] {
  return [
    ...lists.expired.filter((x) => x.accountId === accountId && x.way === 'here'),
    ...lists.expiring.filter(
      (x) => x.accountId === accountId && (x.way === 'here' || (x.way === 'autoRenew' && x.autoRenew === true)),
    ),
  ];
}

/** Known prices of `items` in the balance's currency vs the balance; null when it is covered or unknown. */
export function shortfall(
  items: DashItem[],
  balance: Money,
): { need: Money; unpriced: number; priced: DashItem[] } | null {
  const currency = balance.currency.toUpperCase();
  const priced = items.filter((x) => x.price && x.price.currency.toUpperCase() === currency);
  const need = priced.reduce((n, x) => n + (x.price?.minor ?? 0), 0);
  if (priced.length === 0 || need <= balance.minor) return null;
  return { need: { minor: need, currency }, unpriced: items.length - priced.length, priced };
}

export function needsAttention(input: AttentionInput): AttentionEntry[] {
  const { accounts, vendors, snaps, refresh, lists, lowBalanceUsd } = input;
  const out: AttentionEntry[] = [];
  for (const a of accounts) {
    const ref = accountRef(a, vendors);
    const snap = snaps[a.id];
    const status = accountStatus(a, refresh[a.id]);
    if (status.kind === 'failed') {
      out.push({
        ...ref,
        key: `${a.id}|failed`,
        type: 'failed',
        code: status.code,
        message: status.message,
        // A refused or missing key is fixed on the Accounts view; anything else starts with a connection test.
        keyProblem: status.code === 'invalid_credentials' || status.code === 'keychain_unavailable',
      });
    } else if (snap) {
      for (const [section, error] of Object.entries(snap.errors)) {
        out.push({
          ...ref,
          key: `${a.id}|err|${section}`,
          type: 'section',
          section,
          code: error.code,
          message: error.message,
        });
      }
    }
    const money = snap?.balance?.money;
    if (money && isLowBalance(money, lowBalanceUsd)) {
      out.push({ ...ref, key: `${a.id}|low`, type: 'lowBalance', money });
    }
    for (const way of ['here', 'dashboard'] as const) {
      const items = lists.expired.filter((x) => x.accountId === a.id && x.way === way);
      if (items.length > 0) out.push({ ...ref, key: `${a.id}|expired|${way}`, type: 'expired', way, items });
    }
    if (money) {
      const upcoming = upcomingCharges(lists, a.id);
      const short = shortfall(upcoming, money);
      if (short) {
        out.push({
          ...ref,
          key: `${a.id}|short`,
          type: 'shortFunds',
          need: short.need,
          balance: money,
          items: upcoming,
          unpriced: short.unpriced,
        });
      }
    }
  }
  return out;
}
