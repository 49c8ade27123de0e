/**
 * Shared steps for the post-apply fault contract tests: a vendor that APPLIES a paid write and then
 * answers badly (see AFTER_APPLY_ANSWERS in main/simulators/sim-server.ts). Every vendor's tests use
 * these, so "unknown, then reconciled" means the same thing for all four.
 */
import { expect } from 'vitest';
import { judgeByExpiry, readExpiries } from '../../main/core/renewals/reconcile';
import { AFTER_APPLY_ANSWERS, type AfterApplyAnswer } from '../../main/simulators/sim-server';
import { isVendorError, type VendorError } from '../../main/vendors/errors';
import type { VendorClient } from '../../main/vendors/vendor-client';
import type { RenewRequest, WriteItemOutcome } from '../../preload/contract/model';

export { AFTER_APPLY_ANSWERS, type AfterApplyAnswer };

/** The words an unknown outcome must (and must not) use, in English. */
export function expectUnknownWords(e: VendorError): void {
  expect(e.uncertain).toBe(true);
  expect(e.code).toBe('outcome_unknown');
  expect(e.message).toMatch(/checking with/i);
  expect(e.message).toMatch(/paying again is blocked/i);
  expect(e.message).not.toMatch(/nothing was changed|try again/i);
}

/** Runs a write that must end "unknown": it throws an uncertain `outcome_unknown` error. */
export async function expectUnknown(fn: () => Promise<unknown>): Promise<VendorError> {
  try {
    await fn();
  } catch (e) {
    if (!isVendorError(e)) throw e;
    expectUnknownWords(e);
    return e;
  }
  throw new Error('expected an unknown outcome, got success');
}

/**
 * Renews under a post-apply fault: every item must come back 'unknown' (thrown uncertain error, or
 * per-item results). Returns the per-item outcomes.
 */
export async function renewOutcomes(client: VendorClient, req: RenewRequest): Promise<Map<string, WriteItemOutcome>> {
  const out = new Map<string, WriteItemOutcome>();
  try {
    const r = await client.renew(req, { requestId: '00000000-0000-4000-8000-000000000001' });
    for (const i of r.items) out.set(`${i.target.kind}:${i.target.id}`, i.outcome);
  } catch (e) {
    if (!isVendorError(e)) throw e;
    expectUnknownWords(e);
    for (const t of req.targets) out.set(`${t.kind}:${t.id}`, 'unknown');
  }
  return out;
}

/**
 * "Unknown, then reconciled": reads the expiries before, renews under the fault, expects every item
 * unknown, then settles each by READING vendor state (the core's reconcile rule) and expects 'done'.
 */
export async function expectUnknownThenRenewed(client: VendorClient, req: RenewRequest): Promise<void> {
  const before = await readExpiries(client, req.targets);
  const outcomes = await renewOutcomes(client, req);
  for (const t of req.targets) expect(outcomes.get(`${t.kind}:${t.id}`), `${t.kind}:${t.id}`).toBe('unknown');
  const after = await readExpiries(client, req.targets);
  for (const t of req.targets) {
    const k = `${t.kind}:${t.id}`;
    expect(judgeByExpiry(before.get(k) ?? null, after.get(k))?.state, k).toBe('done');
  }
}
