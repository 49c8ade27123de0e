import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PurchaseDeps, PurchaseService } from '../../../main/core/purchases/purchase-service';
import { AuditLog } from '../../../main/core/renewals/audit';
import { releaseDiskHealth } from '../../../main/core/store/disk-health';
import { VendorError } from '../../../main/vendors/errors';
import type { VendorClient } from '../../../main/vendors/vendor-client';
import type { Capability, Money, VendorId } from '../../../preload/contract/model';
import type {
  PurchaseCatalog,
  PurchaseRequest,
  PurchaseSelection,
  VendorPurchaseAnswer,
  VendorPurchaseQuote,
} from '../../../preload/contract/purchases';
import { tempDir } from '../../helpers/tmp';

/**
 * A fake vendor that can buy: its state is a list of evidence items and a money balance; what
 * purchase() does is chosen per test ('ok', a documented refusal, an unknown outcome with or
 * without the purchase applied, or held until released).
 */
export type Behaviour = 'ok' | 'refuse' | 'unknown-applied' | 'unknown-not-applied' | 'hold';

export interface FakeBuyer {
  client: VendorClient;
  items: string[];
  balance: Money | null;
  price: Money | null;
  spends: VendorPurchaseQuote['spends'];
  warnings: VendorPurchaseQuote['warnings'];
  immediate: boolean;
  behaviour: Behaviour;
  quoteFails: boolean;
  evidenceFails: boolean;
  /** Every purchase() call: the request and its request id. */
  sent: { request: PurchaseRequest; requestId: string }[];
  quotes: number;
  /** Called inside purchase(), before it answers (to look at the disk while sending). */
  onSend: (() => void) | null;
  /** For 'hold': resolves the held purchase (applied). */
  release: () => void;
  maxConcurrent: number;
  catalogCalls: number;
}

export function fakeBuyer(vendor: VendorId, capabilities: Capability[]): FakeBuyer {
  let n = 0;
  let running = 0;
  const releases: (() => void)[] = [];
  const f: FakeBuyer = {
    client: null as unknown as VendorClient,
    items: ['order:1'],
    balance: { minor: 100_000, currency: 'USD' },
    price: { minor: 1000, currency: 'USD' },
    spends: 'money',
    warnings: [],
    immediate: true,
    behaviour: 'ok',
    quoteFails: false,
    evidenceFails: false,
    sent: [],
    quotes: 0,
    onSend: null,
    release: () => {
      for (const r of releases.splice(0)) r();
    },
    maxConcurrent: 0,
    catalogCalls: 0,
  };
  const apply = () => {
    n += 1;
    const id = `order:new-${n}`;
    f.items.push(id);
    if (f.balance && f.price && f.spends === 'money')
      f.balance = { ...f.balance, minor: f.balance.minor - f.price.minor };
    return id;
  };
  const client = {
    vendor,
    capabilities: new Set<Capability>(['balance', ...capabilities]),
    getBalance: async () => ({ money: f.balance, trafficRemainingBytes: null, trafficExpiresAt: null }),
    purchaseCatalog: async (accountId: string): Promise<PurchaseCatalog> => {
      f.catalogCalls += 1;
      return {
        accountId,
        vendor,
        products: [],
        options: [],
        promoCodeAllowed: false,
        promoCodes: null,
        topUpBonus: null,
        vendorPage: null,
        notes: [],
        fetchedAt: '2026-01-01T00:00:00.000Z',
      };
    },
    quotePurchase: async (req: PurchaseRequest): Promise<VendorPurchaseQuote> => {
      f.quotes += 1;
      if (f.quoteFails) throw new VendorError(vendor, 'vendor_unavailable');
      return {
        total: f.price,
        vendorQuoted: true,
        lines: [],
        balance: f.balance,
        warnings: f.warnings,
        promo: null,
        summary: `${req.kind} purchase`,
        spends: f.spends,
      };
    },
    purchase: async (request: PurchaseRequest, opts: { requestId: string }): Promise<VendorPurchaseAnswer> => {
      f.sent.push({ request, requestId: opts.requestId });
      running += 1;
      f.maxConcurrent = Math.max(f.maxConcurrent, running);
      try {
        f.onSend?.();
        await new Promise((r) => setTimeout(r, 5));
        switch (f.behaviour) {
          case 'ok': {
            const id = apply();
            return { reference: 'R-1', charged: { minor: 990, currency: 'USD' }, created: [id], message: null };
          }
          case 'refuse':
            throw new VendorError(vendor, 'vendor_rejected', { message: 'out of stock' });
          case 'unknown-applied':
            apply();
            throw new VendorError(vendor, 'outcome_unknown', { uncertain: true });
          case 'unknown-not-applied':
            throw new VendorError(vendor, 'network', { uncertain: true });
          case 'hold':
            await new Promise<void>((r) => releases.push(r));
            return { reference: null, charged: null, created: [apply()], message: null };
        }
      } finally {
        running -= 1;
      }
    },
    purchaseEvidence: async () => {
      if (f.evidenceFails) throw new VendorError(vendor, 'network');
      return { items: [...f.items], immediate: f.immediate };
    },
  };
  f.client = client as unknown as VendorClient;
  return f;
}

/** Replaces what the fake vendor declares it can do. */
export function setCapabilities(f: FakeBuyer, caps: Capability[]): void {
  (f.client as { capabilities: ReadonlySet<Capability> }).capabilities = new Set(caps);
}

export const order = (productId = 'dc-de', quantity = 1): PurchaseRequest => ({
  kind: 'order',
  productId,
  location: 'DE',
  cycleId: '30',
  quantity,
  promoCode: null,
  options: {},
});

export const A = '11111111-1111-4111-8111-111111111111';
export const B = '22222222-2222-4222-8222-222222222222';

/** Two accounts (A: ProxyShard, B: YouProxy) with fake buying clients, a clock, a data folder. */
export function makePurchaseEnv(caps: Capability[] = ['purchase', 'addons', 'serverUpgrade', 'trafficCodesCreate']) {
  const { dir, cleanup } = tempDir('proxydeck-purchases-');
  const a = fakeBuyer('proxyshard', caps);
  const b = fakeBuyer('youproxy', caps);
  const clients = new Map<string, FakeBuyer>([
    [A, a],
    [B, b],
  ]);
  const metas = new Map([
    [A, { id: A, vendor: 'proxyshard' as VendorId, label: 'Shop' }],
    [B, { id: B, vendor: 'youproxy' as VendorId, label: 'Other' }],
  ]);
  const clock = { t: Date.parse('2026-03-01T10:00:00.000Z') };
  const now = () => new Date(clock.t);
  const refreshed: string[][] = [];
  const refresh = {
    start: (ids?: string[]) => {
      refreshed.push(ids ?? []);
      return ids ?? [];
    },
  };
  const accounts = {
    client: async (id: string) => {
      const c = clients.get(id);
      if (!c) throw new Error('no such account');
      return c.client;
    },
    get: (id: string) => {
      const m = metas.get(id);
      if (!m) throw new Error('no such account');
      return m;
    },
  };
  const audit = new AuditLog(dir);
  const service = (extra: Partial<PurchaseDeps> = {}) =>
    new PurchaseService({ dataDir: dir, accounts, audit, refresh, now, ...extra });
  const sel = (accountId: string, request: PurchaseRequest = order()): PurchaseSelection => ({ accountId, request });
  const journalDir = join(dir, 'purchases');
  const onDisk = () =>
    readdirSync(journalDir)
      .filter((f) => f.endsWith('.json') && f !== 'holds.json' && !f.includes('.damaged-'))
      .map((f) => JSON.parse(readFileSync(join(journalDir, f), 'utf8')));
  const close = () => {
    releaseDiskHealth(dir);
    cleanup();
  };
  return {
    dir,
    journalDir,
    a,
    b,
    clients,
    metas,
    clock,
    now,
    refresh,
    refreshed,
    accounts,
    audit,
    service,
    sel,
    onDisk,
    close,
  };
}
export type PurchaseEnv = ReturnType<typeof makePurchaseEnv>;
