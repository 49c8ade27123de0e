/**
 * A vendor's own order tools (issue 14 §3): BestProxy closes an unpaid order; ProxyShard sets the p0f
 * OS signature of DC/ISP IPs, drops IPs at renewal, edits the order tag and changes the billing cycle.
 * Request schemas for channels.ts and the views they answer with.
 */
import { z } from 'zod';
import type { Money } from './model';
import { AccountIdSchema, IpAddressSchema } from './schemas';

/** The p0f signatures ProxyShard documents (doc §3.2 #12); there is no "unset" value. */
export const P0F_SIGNATURES = ['ios', 'macos', 'android', 'linux', 'win10', 'win11'] as const;
export type P0fSignature = (typeof P0F_SIGNATURES)[number];

const OrderIdSchema = z.string().trim().min(1).max(80);

export const OrderToolRefSchema = z.object({ accountId: AccountIdSchema, orderId: OrderIdSchema }).strict();

export const SignatureChangeSchema = z
  .object({
    accountId: AccountIdSchema,
    orderId: OrderIdSchema,
    items: z
      .array(z.object({ ip: IpAddressSchema, signature: z.enum(P0F_SIGNATURES) }).strict())
      .min(1)
      .max(500),
  })
  .strict();

/** ProxyShard del-np (doc §3.3 #18): `drop: true` removes the IP at the order's next renewal, false undoes it. */
export const DropChangeSchema = z
  .object({
    accountId: AccountIdSchema,
    orderId: OrderIdSchema,
    items: z
      .array(z.object({ ip: IpAddressSchema, drop: z.boolean() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

/**
 * ProxyShard order tag (doc §3.1 #11). The docs set no length; 64 characters is Proxydeck's own cap (judgement).
 * null or empty clears it (the client sends the vendor's "none").
 */
export const ORDER_TAG_MAX = 64;
export const OrderTagChangeSchema = z
  .object({ accountId: AccountIdSchema, orderId: OrderIdSchema, tag: z.string().trim().max(ORDER_TAG_MAX).nullable() })
  .strict();

/** ProxyShard change-billing-cycle (doc §3.1 #3): a cycle name from the product's list; nothing is charged. */
export const BillingCycleChangeSchema = z
  .object({ accountId: AccountIdSchema, orderId: OrderIdSchema, cycle: z.string().trim().min(1).max(40) })
  .strict();

export interface DropItem {
  ip: string;
  drop: boolean;
}

export interface SignatureItem {
  ip: string;
  signature: P0fSignature;
}

/** The IPs of one DC/ISP order as the vendor reads them now, with the order's p0f slots. */
export interface OrderIpTools {
  ips: { ip: string; signature: string | null }[];
  /** p0f slots of the order: `available` active this period, `used` by signed IPs; null when not read. */
  slots: { available: number; used: number } | null;
  /** The order's quantity as the vendor counts it now (recalculated after a del-np change); null when absent. */
  quantity: number | null;
}

/**
 * ProxyShard add-ons of one DC/ISP order (doc §3.2 #13–#16, §4.3). A downgrade is scheduled for the
 * next renewal (`nextQty` less than the current qty, at least 1) and can be cancelled; neither moves money.
 */
export const AddonScheduleSchema = z
  .object({
    accountId: AccountIdSchema,
    orderId: OrderIdSchema,
    addonKey: z.string().trim().min(1).max(40),
    nextQty: z.number().int().min(1).max(10_000),
  })
  .strict();
export const AddonCancelScheduleSchema = z
  .object({ accountId: AccountIdSchema, orderId: OrderIdSchema, addonKey: z.string().trim().min(1).max(40) })
  .strict();

export interface OrderAddonLine {
  addonKey: string;
  /** Units active this period. */
  qty: number;
  /** Price per unit per period, as bought; null when the vendor does not say. */
  pricePerUnit: Money | null;
  /** What changes at the next renewal; null = nothing scheduled. */
  pending: { action: 'downgrade' | 'cancel'; nextQty: number | null } | null;
}

export interface OrderAddons {
  orderId: string;
  /** The vendor's order status (add-ons are bought for active orders only). */
  status: string | null;
  product: string | null;
  lines: OrderAddonLine[];
  /** p0f slots of the order (#9): active, used by signed IPs, after the next renewal (null = not said). */
  slots: { available: number; used: number; next: number | null } | null;
}
