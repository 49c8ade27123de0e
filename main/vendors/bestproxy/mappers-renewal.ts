/**
 * Pure mappers for renewal payloads: payment methods (#31), renewal products (#34 type=19), the price
 * check (#30) and order answers (#28 / #27 rows). Money is floats read as USD (constants.ts); times
 * as in mappers.ts (vendor time for naive stamps).
 */
import type { Money } from '../../../preload/contract/model';
import { BadField, isObj, list, obj, optBool, optNum, optStr, pick, reqId } from '../parse';
import { ASSUMED_CURRENCY } from './constants';
import { expiryOf, orderTimes, usd } from './mappers';

export interface PaymentMethod {
  id: string;
  title: string;
  group: string | null;
  disabled: boolean;
  /** The currency it was listed under (/payment/list?currency=): what its orders charge in. */
  currency: string;
  /** Heuristic: pays from the BestProxy account balance (settles at once). */
  isBalance: boolean;
}

export function mapPaymentMethod(raw: unknown): PaymentMethod {
  const row = obj(raw);
  const title = optStr(pick(row, 'title', 'name')) ?? '';
  const group = optStr(row.group);
  return {
    id: reqId(row.id, 'id'),
    title,
    group,
    disabled: optBool(row.disabled) ?? false,
    currency: ASSUMED_CURRENCY,
    isBalance: /balance|余额|wallet/i.test(`${title} ${group ?? ''}`),
  };
}

export interface RenewalProduct {
  id: string;
  title: string;
  parentType: number | null;
  published: boolean;
}

export function mapRenewalProduct(raw: unknown): RenewalProduct {
  const row = obj(raw);
  const status = optNum(row.status);
  return {
    id: reqId(row.id, 'id'),
    title: optStr(row.title) ?? 'Static IP renewal',
    parentType: optNum(row.parent_product_type),
    published: status === null || status === 1,
  };
}

export interface CheckIp {
  ip: string;
  price: Money | null;
  currentExpiresAt: string | null;
  newExpiresAt: string | null;
}

export interface CheckResult {
  payFee: Money;
  totalFee: Money | null;
  discount: Money | null;
  title: string | null;
  ips: CheckIp[];
}

/** #30 OrderCheckResult. `pay_fee` (what will be charged) must be readable. */
export function mapCheckResult(data: unknown): CheckResult {
  const d = obj(data);
  const payFee = usd(pick(d, 'pay_fee', 'total_fee'), 'pay_fee');
  if (payFee === null) throw new BadField('pay_fee', undefined);
  return {
    payFee,
    totalFee: usd(d.total_fee, 'total_fee'),
    discount: usd(d.discount_fee, 'discount_fee'),
    title: optStr(d.title),
    ips: list(pick(d, 'ip_result', 'ip_results'), 'ip_result').map((raw) => {
      const r = obj(raw);
      return {
        ip: optStr(r.ip) ?? '',
        price: usd(r.price, 'ip_result.price'),
        currentExpiresAt: expiryOf(pick(r, 'current_time', 'expired_at'), 'ip_result.current_time'),
        newExpiresAt: expiryOf(pick(r, 'renewal_time', 'new_expired_at'), 'ip_result.renewal_time'),
      };
    }),
  };
}

export interface OrderFacts {
  tradeNo: string;
  status: number | null;
  payFee: Money | null;
  pmTitle: string | null;
  /** pay_at, or pay_timestamp (unix seconds) where pay_at is absent. */
  paidAt: string | null;
}

/**
 * #28 create answer (an Order) or an #27 row. An answer that claims success must read fully: a
 * trade_no, a numeric status and a readable pay_fee; anything else is a BadField (→ the outcome is
 * unknown, never "not applied").
 */
export function mapOrderFacts(data: unknown): OrderFacts {
  if (!isObj(data)) throw new BadField('data', data);
  const d = data;
  const status = d.status === undefined || d.status === null ? null : optNum(d.status);
  if (status === null && d.status !== undefined && d.status !== null) throw new BadField('status', d.status);
  return {
    tradeNo: reqId(d.trade_no, 'trade_no'),
    status,
    payFee: usd(d.pay_fee, 'pay_fee'),
    pmTitle: optStr(d.pm_title),
    paidAt: orderTimes(d).paidAt,
  };
}
