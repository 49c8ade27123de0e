/**
 * Traffic redeem codes (Thordata "CDK", vendor file §3.8): the shape shown in the window and the
 * request schemas of their channels. Creating codes spends the account's traffic, so it is not a
 * channel yet (it needs the quote → confirm → journal path, issue 14 §3).
 */
import { z } from 'zod';
import { AccountIdSchema } from './schemas';

export const TRAFFIC_CODE_STATUSES = ['unused', 'used', 'revoked'] as const;
export type TrafficCodeStatus = (typeof TRAFFIC_CODE_STATUSES)[number];

export interface TrafficCode {
  /** The redeem code itself (what a customer types in). */
  code: string;
  status: TrafficCodeStatus;
  /** Traffic the code gives, bytes (the vendor's bare number read as GB; see `note`). */
  trafficBytes: number;
  /** How long the redeemed traffic lasts, seconds; null when not given. */
  validForSeconds: number | null;
  createdAt: string;
  /** Who redeemed it and when (details only; null when unused or not read). */
  usedBy: string | null;
  usedAt: string | null;
}

export interface TrafficCodeList {
  codes: TrafficCode[];
  /** Caveat about the unit of the traffic figure. */
  note: string;
}

const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const TrafficCodeListSchema = z
  .object({ accountId: AccountIdSchema, status: z.enum(TRAFFIC_CODE_STATUSES).optional() })
  .strict();

export const TrafficCodeRefSchema = z.object({ accountId: AccountIdSchema, code: CodeSchema }).strict();
