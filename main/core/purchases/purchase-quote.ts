import pLimit from 'p-limit';
import type { Capability, Money, VendorId } from '../../../preload/contract/model';
import type { PurchaseKind, PurchaseQuotePart, PurchaseSelection } from '../../../preload/contract/purchases';
import { isVendorError, VENDOR_NAMES } from '../../vendors/errors';
import type { VendorClient } from '../../vendors/vendor-client';
import { AppFailure } from '../errors';
import { formatMoney } from '../renewals/format';
import { accountName } from '../renewals/price-check';

/**
 * The price check of purchases: each part's own vendor price check (quotePurchase, four at a time),
 * gated by the capability of its kind, then one balance check per account over its money parts.
 * Anything that fails becomes a plain blocking reason: nothing can be confirmed that was not priced.
 */

export interface PurchaseAccounts {
  client(accountId: string): Promise<VendorClient>;
  get(accountId: string): { id: string; vendor: VendorId; label: string };
}

/** The capability a vendor declares for each kind of purchase. */
export const CAPABILITY_OF: Record<PurchaseKind, Capability> = {
  order: 'purchase',
  addon: 'addons',
  upgrade: 'serverUpgrade',
  codes: 'trafficCodesCreate',
};

export type BuyingClient = VendorClient &
  Required<Pick<VendorClient, 'quotePurchase' | 'purchase' | 'purchaseEvidence'>>;

/** The client when it can buy this kind; null otherwise. */
export function buyingClient(client: VendorClient, kind: PurchaseKind): BuyingClient | null {
  if (!client.capabilities.has(CAPABILITY_OF[kind])) return null;
  const c = client as BuyingClient;
  return typeof c.quotePurchase === 'function' &&
    typeof c.purchase === 'function' &&
    typeof c.purchaseEvidence === 'function'
    ? c
    : null;
}

export const notOffered = (vendor: VendorId) => `${VENDOR_NAMES[vendor]} does not offer this through its API.`;

export async function priceCheck(
  accounts: PurchaseAccounts,
  selections: readonly PurchaseSelection[],
): Promise<PurchaseQuotePart[]> {
  const limit = pLimit(4);
  const parts = await Promise.all(selections.map((s) => limit(() => quoteOne(accounts, s))));
  const byAccount = new Map<string, PurchaseQuotePart[]>();
  for (const p of parts) byAccount.set(p.accountId, [...(byAccount.get(p.accountId) ?? []), p]);
  for (const group of byAccount.values()) {
    const money = group.filter((g) => g.quote?.spends === 'money' && g.quote.total);
    if (money.length === 0) continue;
    let balance = group.find((g) => g.quote?.balance)?.quote?.balance ?? null;
    if (!balance) balance = await balanceOf(accounts, group[0]!.accountId);
    if (!balance) continue;
    const cost = money.reduce(
      (s, g) => s + (g.quote!.total!.currency === balance.currency ? g.quote!.total!.minor : 0),
      0,
    );
    if (cost > balance.minor) {
      const first = money[0]!;
      first.blocked.push(
        `${accountName(first.accountLabel, first.vendor)}: the balance is ${formatMoney(balance)} but this purchase ` +
          `costs ${formatMoney({ minor: cost, currency: balance.currency })}. Top up at ${VENDOR_NAMES[first.vendor]} first.`,
      );
    }
  }
  return parts;
}

async function balanceOf(accounts: PurchaseAccounts, accountId: string): Promise<Money | null> {
  try {
    const client = await accounts.client(accountId);
    if (!client.capabilities.has('balance')) return null;
    return (await client.getBalance()).money;
  } catch {
    return null; // unknown: the vendor refuses what it cannot pay for
  }
}

async function quoteOne(accounts: PurchaseAccounts, s: PurchaseSelection): Promise<PurchaseQuotePart> {
  const meta = accounts.get(s.accountId);
  const base = { accountId: meta.id, accountLabel: meta.label, vendor: meta.vendor, request: s.request };
  const name = accountName(meta.label, meta.vendor);
  try {
    const client = buyingClient(await accounts.client(s.accountId), s.request.kind);
    if (!client) return { ...base, quote: null, blocked: [`${name}: ${notOffered(meta.vendor)}`] };
    const quote = await client.quotePurchase(s.request);
    const blocked = quote.warnings.filter((w) => w.blocking).map((w) => `${name}: ${w.message}`);
    return { ...base, quote, blocked };
  } catch (e) {
    return { ...base, quote: null, blocked: [`${name}: the price check did not work. ${plain(e)}`] };
  }
}

export function plain(e: unknown): string {
  if (isVendorError(e) || e instanceof AppFailure) return e.message;
  return 'Something went wrong while checking the price. Try again.';
}

/** Same total: both unknown, or the same amount in the same currency. */
export const sameMoney = (a: Money | null, b: Money | null): boolean =>
  a === null || b === null ? a === b : a.currency === b.currency && a.minor === b.minor;
