/** Shared pieces of the user-data tests: a real core over a temp folder, a movable clock, sample business data. */
import Conf from 'conf';
import { type Core, createCore, logFile } from '../../main/core/app-core';
import type { BusinessData } from '../../main/core/business/business-store';
import { createLogger } from '../../main/core/logging/logger';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { Vault } from '../../main/core/vault/vault';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { fakeVendorModule } from './fake-vendor';

const Backend = Conf as unknown as BackendCtor;

/** A clock at local noon of a day, moved by hand. */
export function movableClock(start = '2026-03-01') {
  let t = new Date(`${start}T12:00:00`).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
    day: (d: string) => {
      t = new Date(`${d}T12:00:00`).getTime();
    },
  };
}

type Typed = <C extends Channel>(channel: C, ...args: ChannelArgs<C>) => Promise<Result<ChannelResponses[C]>>;

export interface TestCore {
  core: Core;
  vault: Vault;
  /** The dispatcher with the contract's types, as the window calls it. */
  call: Typed;
  /** Every answer body, for secret checks. */
  answers: string[];
}

export async function startCore(
  dataDir: string,
  opts: { vault?: Vault; now?: () => Date; log?: boolean } = {},
): Promise<TestCore> {
  const vault = opts.vault ?? new MemoryVault();
  const core = await createCore({
    dataDir,
    Backend,
    vault,
    vendors: { proxyshard: fakeVendorModule('proxyshard'), thordata: fakeVendorModule('thordata') },
    version: '9.9.9-test',
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.log ? { log: createLogger({ file: logFile(dataDir), level: 'debug' }) } : {}),
  });
  const answers: string[] = [];
  const call = (async (channel: string, ...args: unknown[]) => {
    const r = await core.dispatch(channel, args);
    answers.push(JSON.stringify(r));
    return r;
  }) as Typed;
  return { core, vault, call, answers };
}

/** The answer's data, or a thrown error with the answer's message. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

export const CUST_A = '22222222-2222-4222-8222-222222222222';
export const CUST_B = '33333333-3333-4333-8333-333333333333';
const AT = '2026-03-01T10:00:00.000Z';

/** Two customers and one item each on the given account. */
export function businessFor(accountId: string, vendor: 'proxyshard' | 'thordata' = 'proxyshard'): BusinessData {
  const customer = (id: string, name: string) => ({
    id,
    name,
    contact: `${name.toLowerCase()}@example.com`,
    notes: '',
    exportTemplate: null,
    defaultPrice: { minor: 1500, currency: 'USD' },
    createdAt: AT,
    updatedAt: AT,
  });
  const item = (id: string, customerId: string, keep: boolean) => ({
    item: { accountId, kind: 'ip' as const, id },
    vendor,
    label: id,
    customerId,
    price: { minor: 900, currency: 'USD' },
    keep,
    assignedAt: null,
    updatedAt: AT,
  });
  return {
    version: 1,
    customers: [customer(CUST_A, 'Ana'), customer(CUST_B, 'Bo')],
    items: [item('10.0.0.1', CUST_A, true), item('10.0.0.2', CUST_B, false)],
    rates: { base: 'USD', rates: [{ currency: 'EUR', perUnit: 1.1 }] },
  };
}
