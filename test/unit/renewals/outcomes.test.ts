import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chargesOf } from '../../../main/core/renewals/charges';
import { RenewalService } from '../../../main/core/renewals/renewal-service';
import { VendorError } from '../../../main/vendors/errors';
import type { VendorClient } from '../../../main/vendors/vendor-client';
import { unknownOutcome } from '../../../main/vendors/write-outcome';
import type { RenewRequest, RenewResult, RenewTarget, WriteItemOutcome } from '../../../preload/contract/model';
import { tempDir } from '../../helpers/tmp';

/**
 * How the renewal service records per-item outcomes and charges, with a scripted vendor: server s1
 * renewed, s2 unknown (its answer lost), s3 refused. Expiries are read from a little state the script
 * changes, so reconcile reads the truth.
 */
const usd = (minor: number) => ({ minor, currency: 'USD' });
const target = (id: string): RenewTarget => ({ kind: 'server', id, label: id, expiresAt: null });

class ScriptedVendor {
  expiries = new Map<string, string>([
    ['s1', '2027-01-01T00:00:00.000Z'],
    ['s2', '2027-01-01T00:00:00.000Z'],
    ['s3', '2027-01-01T00:00:00.000Z'],
  ]);
  renewCalls = 0;
  balance = 10_000;
  /** What each item's request does at the vendor, and what comes back. */
  script: Record<string, { apply: boolean; outcome: WriteItemOutcome }> = {};
  throwAll: unknown = null;
  readable = true;

  client(): VendorClient {
    return {
      vendor: 'thordata',
      capabilities: new Set(['renew', 'servers', 'balance']),
      getBalance: async () => {
        if (!this.readable) throw new VendorError('thordata', 'vendor_unavailable');
        return { money: usd(this.balance), trafficRemainingBytes: null, trafficExpiresAt: null };
      },
      listUnlimitedServers: async () => {
        if (!this.readable) throw new VendorError('thordata', 'vendor_unavailable');
        return [...this.expiries].map(([id, expiresAt]) => ({
          id,
          ip: id,
          status: 'active',
          expiresAt,
          bandwidth: null,
          spec: null,
          autoRenew: null,
          details: {},
        }));
      },
      quoteRenewal: async (req: RenewRequest) => ({
        items: req.targets.map((t) => ({ target: t, price: usd(350), newExpiresAt: null })),
        total: usd(350 * req.targets.length),
        vendorQuoted: false,
        balance: usd(this.balance),
        warnings: [],
      }),
      renew: async (req: RenewRequest): Promise<RenewResult> => {
        this.renewCalls += 1;
        for (const t of req.targets) {
          if (this.script[t.id]?.apply) {
            this.expiries.set(t.id, '2027-02-01T00:00:00.000Z');
            this.balance -= 350;
          }
        }
        if (this.throwAll) throw this.throwAll;
        return {
          items: req.targets.map((t) => {
            const outcome = this.script[t.id]?.outcome ?? 'applied';
            return {
              target: t,
              outcome,
              newExpiresAt: outcome === 'applied' ? '2027-02-01T00:00:00.000Z' : null,
              message:
                outcome === 'refused'
                  ? 'Thordata refused the request: server expired too long ago'
                  : outcome === 'unknown'
                    ? unknownOutcome('thordata', null).message
                    : null,
            };
          }),
          reference: 'ord-1',
          charged: null,
        };
      },
    } as unknown as VendorClient;
  }
}

let dir: string;
let cleanup: () => void;
let vendor: ScriptedVendor;
const service = () =>
  new RenewalService({
    dataDir: dir,
    accounts: {
      client: async () => vendor.client(),
      get: (id) => ({ id, vendor: 'thordata', label: 'Main' }),
    },
  });

async function renew(svc: RenewalService, ids: string[]) {
  const q = await svc.quote([{ accountId: 'acc', targets: ids.map(target), periodId: '30' }]);
  return svc.execute({ quoteId: q.quoteId, totals: q.totals });
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('proxydeck-outcomes-'));
  vendor = new ScriptedVendor();
});
afterEach(() => cleanup());

describe('per-item outcomes', () => {
  it('applied / unknown / refused in one operation: each item its own state; the unknown one is settled by reading', async () => {
    vendor.script = {
      s1: { apply: true, outcome: 'applied' },
      s2: { apply: true, outcome: 'unknown' },
      s3: { apply: false, outcome: 'refused' },
    };
    const { operations } = await renew(service(), ['s1', 's2', 's3']);
    const op = operations[0]!;
    expect(op.items.map((i) => [i.target.id, i.state])).toEqual([
      ['s1', 'done'],
      ['s2', 'done'], // unknown at first, then read as renewed (expiry moved)
      ['s3', 'failed'],
    ]);
    expect(op.items[2]!.message).toMatch(/server expired too long ago/);
    // Both renewed servers count: $7.00, never just the one the vendor confirmed.
    expect(op.charged).toEqual(usd(700));
    expect(op.chargedUpTo).toBeNull();
    expect(vendor.renewCalls).toBe(1);
  });

  it('while the unknown item cannot be read, the charge is "up to" and the item stays blocked', async () => {
    vendor.script = { s1: { apply: true, outcome: 'applied' }, s2: { apply: true, outcome: 'unknown' } };
    const svc = service();
    // s1 answered; reading state fails from the moment of the charge.
    const realRenew = vendor.client().renew;
    const client = vendor.client();
    client.renew = async (req, opts) => {
      const r = await realRenew(req, opts);
      vendor.readable = false;
      return r;
    };
    vendor.client = () => client;
    const { operations } = await renew(svc, ['s1', 's2']);
    const op = operations[0]!;
    expect(op.items.map((i) => i.state)).toEqual(['done', 'uncertain']);
    expect(op.charged).toEqual(usd(350));
    expect(op.chargedUpTo).toEqual(usd(700));
    await expect(renew(svc, ['s2'])).rejects.toThrow(/outcome is not known yet/);
    vendor.readable = true;
    const settled = await svc.reconcile(op.id);
    expect(settled.items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(settled.charged).toEqual(usd(700));
    expect(settled.chargedUpTo).toBeNull();
    expect(vendor.renewCalls).toBe(1);
  });

  it('a thrown unknown outcome: every item uncertain, never "failed"; a thrown refusal: every item failed', async () => {
    vendor.readable = true;
    vendor.throwAll = unknownOutcome(
      'thordata',
      new VendorError('thordata', 'vendor_unavailable', { httpStatus: 502 }),
    );
    vendor.script = { s1: { apply: true, outcome: 'applied' } };
    const client = vendor.client();
    const realRenew = client.renew;
    client.renew = async (req, opts) => {
      try {
        return await realRenew(req, opts);
      } finally {
        vendor.readable = false;
      }
    };
    vendor.client = () => client;
    const svc = service();
    const op = (await renew(svc, ['s1'])).operations[0]!;
    expect(op.items[0]!.state).toBe('uncertain');
    expect(op.chargedUpTo).toEqual(usd(350));

    vendor.readable = true;
    vendor.throwAll = new VendorError('thordata', 'insufficient_funds', { vendorCode: '10008' });
    const refused = (await renew(svc, ['s3'])).operations[0]!;
    expect(refused.items[0]!.state).toBe('failed');
    expect(refused.charged).toBeNull();
  });
});

describe('chargesOf', () => {
  const item = (state: 'done' | 'uncertain' | 'failed', price: number | null) => ({
    target: target(String(Math.random())),
    state,
    expiresBefore: null,
    newExpiresAt: null,
    price: price === null ? null : usd(price),
    message: null,
    retriedBy: null,
  });
  const quote = (total: number, vendorQuoted: boolean) => ({
    items: [],
    total: usd(total),
    vendorQuoted,
    balance: null,
    warnings: [],
  });

  it('the vendor figure wins when larger; quoted prices of renewed items otherwise', () => {
    expect(chargesOf({ items: [item('done', 350), item('done', 350)], quote: quote(700, true) }, usd(350))).toEqual({
      charged: usd(700),
      chargedUpTo: null,
    });
    expect(chargesOf({ items: [item('done', 350)], quote: quote(350, true) }, usd(360)).charged).toEqual(usd(360));
  });

  it('unknown items: up to their quoted price; without one, up to the whole vendor quote', () => {
    expect(chargesOf({ items: [item('done', 200), item('uncertain', 300)], quote: quote(500, true) }, null)).toEqual({
      charged: usd(200),
      chargedUpTo: usd(500),
    });
    expect(
      chargesOf({ items: [item('uncertain', null), item('uncertain', null)], quote: quote(900, true) }, null),
    ).toEqual({
      charged: null,
      chargedUpTo: usd(900),
    });
    expect(chargesOf({ items: [item('failed', 300)], quote: quote(300, true) }, null)).toEqual({
      charged: null,
      chargedUpTo: null,
    });
  });
});

describe('damaged journal entries keep protecting', () => {
  it('a damaged unresolved entry keeps its items blocked after it is moved aside, until reconcile reads them', async () => {
    vendor.script = { s1: { apply: true, outcome: 'unknown' } };
    vendor.readable = true;
    const client = vendor.client();
    const realRenew = client.renew;
    client.renew = async (req, opts) => {
      try {
        return await realRenew(req, opts);
      } finally {
        vendor.readable = false;
      }
    };
    vendor.client = () => client;
    const op = (await renew(service(), ['s1'])).operations[0]!;
    expect(op.state).toBe('uncertain');
    // The disk damages the entry: its items and state no longer validate.
    const file = join(dir, 'journal', `${op.id}.json`);
    writeFileSync(file, JSON.stringify({ ...op, state: 'bogus', version: 9 }));
    const svc = service();
    expect(svc.operations()).toEqual([]);
    expect(readdirSync(join(dir, 'journal')).some((n) => n.includes('.damaged-'))).toBe(true);
    expect(svc.holds().map((h) => [h.accountId, h.targets?.map((t) => t.id)])).toEqual([['acc', ['s1']]]);
    vendor.readable = true;
    await expect(renew(svc, ['s1'])).rejects.toThrow(/damaged and may include s1.*may already have been paid/);
    // A restart does not lift it either.
    await expect(renew(service(), ['s1'])).rejects.toThrow(/damaged/);
    // Reconcile reads the expiry (moved since before sending): settled, the block is lifted.
    const svc2 = service();
    expect(await svc2.reconcileHolds()).toEqual([]);
    vendor.script = { s1: { apply: true, outcome: 'applied' } };
    vendor.client = ScriptedVendor.prototype.client.bind(vendor);
    const again = (await renew(svc2, ['s1'])).operations[0]!;
    expect(again.items[0]!.state).toBe('done');
    expect(vendor.renewCalls).toBe(2);
  });

  it('a torn entry (not JSON) blocks its whole account until the user releases it', async () => {
    service();
    writeFileSync(
      join(dir, 'journal', '3f0e4a4e-0000-4000-8000-000000000000.json'),
      '{"version":1,"id":"3f0e4a4e-0000-4000-8000-000000000000","accountId":"acc","state":"sending","ite',
    );
    const svc = service();
    expect(svc.holds()).toHaveLength(1);
    await expect(renew(svc, ['s2'])).rejects.toThrow(/items of this account/);
    expect(await svc.reconcileHolds()).toHaveLength(1); // nothing to read against: stays
    expect(svc.releaseHold('3f0e4a4e-0000-4000-8000-000000000000.json')).toEqual([]);
    expect((await renew(svc, ['s2'])).operations[0]!.items[0]!.state).toBe('done');
  });

  it('a damaged entry that still shows every item settled needs no hold', async () => {
    vendor.script = { s1: { apply: true, outcome: 'applied' } };
    const op = (await renew(service(), ['s1'])).operations[0]!;
    writeFileSync(join(dir, 'journal', `${op.id}.json`), JSON.stringify({ ...op, version: 2 }));
    expect(service().holds()).toEqual([]);
  });

  it('an unreadable holds file blocks everything (the safe reading)', async () => {
    service();
    writeFileSync(join(dir, 'journal', 'holds.json'), '{"version":1,"holds":[{"fi');
    await expect(renew(service(), ['s1'])).rejects.toThrow(/any item/);
  });
});
