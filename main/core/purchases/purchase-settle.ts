import { randomUUID } from 'node:crypto';
import type { Money } from '../../../preload/contract/model';
import type { PurchaseQuotePart, VendorPurchaseAnswer } from '../../../preload/contract/purchases';
import { isVendorError, VENDOR_NAMES } from '../../vendors/errors';
import { unknownOutcome } from '../../vendors/write-outcome';
import { AppFailure } from '../errors';
import type { PurchaseJournal } from './purchase-journal';
import { type BuyingClient, plain } from './purchase-quote';
import { chargedWhenBought, type PurchaseRecord, signatureOf } from './purchase-record';

/**
 * THE place where a purchase's outcome is decided. One confirmed part, in this order:
 *  1. read the vendor state the purchase changes (purchaseEvidence) — unreadable → not sent, failed;
 *  2. the journal record 'sending' on disk — the disk refuses → not sent, failed;
 *  3. send ONCE (never retried, never resent);
 *  4. the answer: done → done; a documented refusal (a VendorError that is not uncertain) → failed
 *     with the vendor's words; anything else → read the vendor state again (judgeByReading).
 * A crash between 2 and 4 leaves 'sending' on disk: found at start-up as uncertain and settled by
 * reading (PurchaseService.reconcilePending).
 */

export interface SettleDeps {
  journal: PurchaseJournal;
  now: () => Date;
  /** Test seam: runs after the vendor call settles and before its outcome is recorded (a crash). */
  afterSend?: (record: PurchaseRecord) => void | Promise<void>;
  /** Progress for the window; never throws into the money path. */
  emit: (record: PurchaseRecord) => void;
  audit: (record: PurchaseRecord, action: 'buy' | 'reconcile') => void;
}

export const nothingBought = (r: Pick<PurchaseRecord, 'vendor'>) =>
  `Proxydeck checked with ${VENDOR_NAMES[r.vendor]}: nothing was bought. You can try again.`;

export const mayHaveBought = (r: Pick<PurchaseRecord, 'vendor' | 'summary'>) => {
  const v = VENDOR_NAMES[r.vendor];
  return (
    `${r.summary || 'This purchase'} may have been bought at ${v}; Proxydeck is checking, do not buy again until it says. ` +
    `If it stays like this, check your ${v} dashboard and mark it as bought or not bought.`
  );
};

export async function settlePurchase(
  part: PurchaseQuotePart,
  client: BuyingClient,
  batchId: string,
  deps: SettleDeps,
): Promise<PurchaseRecord> {
  const quote = part.quote!;
  const at = deps.now().toISOString();
  let record: PurchaseRecord = {
    version: 1,
    id: randomUUID(),
    batchId,
    accountId: part.accountId,
    accountLabel: part.accountLabel,
    vendor: part.vendor,
    request: part.request,
    signature: signatureOf(part.accountId, part.request),
    summary: quote.summary,
    state: 'sending',
    quotedTotal: quote.total,
    vendorQuoted: quote.vendorQuoted,
    charged: null,
    reference: null,
    created: [],
    spends: quote.spends,
    message: null,
    evidenceBefore: null,
    balanceBefore: null,
    createdAt: at,
    updatedAt: at,
    history: [],
  };
  const finish = (r: PurchaseRecord): PurchaseRecord => {
    deps.emit(r);
    deps.audit(r, 'buy');
    return r;
  };

  // 1. What the vendor shows now: the only way to tell later whether an unknown outcome bought it.
  try {
    record.evidenceBefore = (await client.purchaseEvidence(part.request)).items;
  } catch (e) {
    const message =
      `Not sent: Proxydeck could not read ${VENDOR_NAMES[part.vendor]} first (${plain(e)}). ` +
      'Nothing was paid. Try again.';
    return finish(deps.journal.save({ ...record, state: 'failed', message }, 'not sent'));
  }
  // Read now, not taken from the price check: the balance the answer is judged against must be the last
  // one before the request leaves.
  record.balanceBefore = quote.spends === 'money' ? ((await moneyBalance(client)) ?? quote.balance) : null;

  // 2. On disk BEFORE the request leaves.
  try {
    record = deps.journal.save(record);
  } catch (e) {
    if (!(e instanceof AppFailure) || e.code !== 'storage') throw e;
    return finish({ ...record, state: 'failed', message: e.message });
  }
  deps.emit(record);

  // 3. Once.
  let answer: VendorPurchaseAnswer | null = null;
  let error: unknown = null;
  try {
    answer = await client.purchase(part.request, { requestId: record.id });
  } catch (e) {
    error = e;
  }
  await deps.afterSend?.(record);

  // 4. The outcome.
  if (answer) {
    record = deps.journal.save({
      ...record,
      state: 'done',
      charged: chargedWhenBought(record, answer.charged),
      reference: answer.reference,
      created: answer.created,
      message: answer.message,
    });
  } else if (isVendorError(error) && !error.uncertain) {
    record = deps.journal.save({ ...record, state: 'failed', message: error.message }, 'refused by the vendor');
  } else {
    const why = isVendorError(error) ? error.message : unknownOutcome(part.vendor, error).message;
    record = deps.journal.save({ ...record, state: 'uncertain', message: why }, 'answer unknown');
    record = deps.journal.save(await judgeByReading(record, client, true), 'checked by reading vendor state');
  }
  return finish(record);
}

/**
 * Settles an uncertain purchase by READING vendor state, never by sending it again:
 *  - something in the evidence that was not there before, and that no other purchase on the account
 *    is known to have created → done (created = the new items);
 *  - nothing new and the vendor shows purchases at once (`immediate`) → failed, nothing was bought;
 *  - nothing new and the money balance is exactly as before (money purchases, and only when this is
 *    the account's latest purchase: a later one would move the balance too) → failed;
 *  - otherwise still uncertain, with words on what to do.
 */
export async function judgeByReading(
  record: PurchaseRecord,
  client: BuyingClient,
  latest: boolean,
  /** Items other purchases on this account are known to have created (not this one's evidence). */
  claimed: ReadonlySet<string> = new Set(),
): Promise<PurchaseRecord> {
  if (record.evidenceBefore === null) return { ...record, message: mayHaveBought(record) };
  let after: { items: string[]; immediate: boolean };
  try {
    after = await client.purchaseEvidence(record.request);
  } catch {
    return { ...record, state: 'uncertain', message: mayHaveBought(record) };
  }
  const before = new Set(record.evidenceBefore);
  const created = after.items.filter((i) => !before.has(i) && !claimed.has(i));
  if (created.length > 0) {
    return {
      ...record,
      state: 'done',
      created,
      charged: chargedWhenBought(record, record.charged),
      message: `Bought: Proxydeck checked with ${VENDOR_NAMES[record.vendor]} and found it.`,
    };
  }
  if (after.immediate) return { ...record, state: 'failed', message: nothingBought(record) };
  if (latest && record.spends === 'money' && record.balanceBefore) {
    const now = await moneyBalance(client);
    if (now && now.currency === record.balanceBefore.currency && now.minor === record.balanceBefore.minor) {
      return { ...record, state: 'failed', message: nothingBought(record) };
    }
  }
  return { ...record, state: 'uncertain', message: mayHaveBought(record) };
}

async function moneyBalance(client: BuyingClient): Promise<Money | null> {
  if (!client.capabilities.has('balance')) return null;
  try {
    return (await client.getBalance()).money;
  } catch {
    return null;
  }
}
