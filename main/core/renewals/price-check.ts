import pLimit from 'p-limit';
import { isDemoLabel } from '../../../preload/contract/locales/demo-label';
import type { RenewRequest, VendorId } from '../../../preload/contract/model';
import type { RenewalSelection } from '../../../preload/contract/renewals';
import { isVendorError, VENDOR_NAMES } from '../../vendors/errors';
import { AppFailure } from '../errors';
import { formatMoney } from './format';
import type { AccountQuote, RenewalAccounts } from './renewal-types';

/**
 * The price check of a renewal: each account's own vendor quote (in parallel, four at a time), then
 * one balance check per account across its selections. Any failure becomes a plain blocking reason:
 * nothing can be confirmed that was not priced.
 */

/** "Shop · Thordata"; a demo account's stored label already names its vendor ("Demo · Thordata"). */
export const accountName = (label: string, vendor: VendorId) =>
  isDemoLabel(label, vendor) ? label : `${label} · ${VENDOR_NAMES[vendor]}`;

export async function priceCheck(accounts: RenewalAccounts, selections: RenewalSelection[]): Promise<AccountQuote[]> {
  const limit = pLimit(4);
  const parts = await Promise.all(selections.map((s) => limit(() => quoteOne(accounts, s))));
  // Balance per account: several selections of one account share one balance.
  const byAccount = new Map<string, AccountQuote[]>();
  for (const p of parts) byAccount.set(p.accountId, [...(byAccount.get(p.accountId) ?? []), p]);
  for (const group of byAccount.values()) {
    const first = group[0]!;
    const balance = group.find((g) => g.balance)?.balance ?? null;
    const costs = group.flatMap((g) => (g.quote ? [g.quote.total] : []));
    const sameCurrency = costs.filter((c) => balance && c.currency === balance.currency);
    const cost = sameCurrency.reduce((s, c) => s + c.minor, 0);
    if (balance && cost > balance.minor) {
      first.blocked.push(
        `${accountName(first.accountLabel, first.vendor)}: the balance is ${formatMoney(balance)} but this renewal ` +
          `costs ${formatMoney({ minor: cost, currency: balance.currency })}. Top up at ${VENDOR_NAMES[first.vendor]} first.`,
      );
    }
  }
  return parts;
}

async function quoteOne(accounts: RenewalAccounts, s: RenewalSelection): Promise<AccountQuote> {
  const meta = accounts.get(s.accountId);
  const request: RenewRequest = {
    targets: s.targets,
    periodId: s.periodId,
    ...(s.options ? { options: s.options } : {}),
  };
  const base = { accountId: meta.id, accountLabel: meta.label, vendor: meta.vendor, request };
  const name = accountName(meta.label, meta.vendor);
  try {
    const client = await accounts.client(s.accountId);
    if (!client.capabilities.has('renew')) {
      return {
        ...base,
        quote: null,
        balance: null,
        blocked: [`${name}: renewals are not available through the API.`],
      };
    }
    const quote = await client.quoteRenewal(request);
    const balance = quote.balance ?? (await client.getBalance().catch(() => null))?.money ?? null;
    const blocked = quote.warnings.filter((w) => w.blocking).map((w) => `${name}: ${w.message}`);
    return { ...base, quote, balance, blocked };
  } catch (e) {
    return { ...base, quote: null, balance: null, blocked: [`${name}: ${plain(e)}`] };
  }
}

export function plain(e: unknown): string {
  if (isVendorError(e) || e instanceof AppFailure) return e.message;
  return 'something went wrong while checking the price.';
}
