import { afterAll } from 'vitest';
import { createProxyshardSimulator, type ProxyshardSimulatorOptions } from '../../../main/simulators/proxyshard';
import type { ProxyshardClient } from '../../../main/vendors/proxyshard';
import { proxyshardModule } from '../../../main/vendors/proxyshard';
import type { ClientOptions } from '../../../main/vendors/vendor-client';

export const NOW = new Date('2026-11-23T12:00:00Z');

/** A listening simulator and a client pointed at it; both closed after the file's tests. */
export async function setup(
  simOpts: ProxyshardSimulatorOptions = {},
  transport: ClientOptions['transport'] = { retry: { baseMs: 1, capMs: 5 } },
) {
  const sim = createProxyshardSimulator({ now: () => NOW, ...simOpts });
  await sim.listen(0);
  afterAll(() => sim.close());
  // The simulator and its client share one injected clock (never the machine's date).
  const now = () => sim.server.now();
  const client = proxyshardModule.create({
    credentials: sim.credentials,
    baseUrl: sim.baseUrl(),
    transport,
    now,
  }) as ProxyshardClient;
  const clientWithKey = (apiKey: string) =>
    proxyshardModule.create({ credentials: { apiKey }, baseUrl: sim.baseUrl(), transport, now }) as ProxyshardClient;
  return { sim, client, clientWithKey };
}

export const GIB = 1024 ** 3;

/** The first order of the seeded account matching a predicate. */
export function seededOrder(
  sim: Awaited<ReturnType<typeof setup>>['sim'],
  pred: (o: typeof sim.account.orders extends Map<number, infer O> ? O : never) => boolean,
) {
  const o = [...sim.account.orders.values()].find(pred);
  if (!o) throw new Error('no seeded order matches');
  return o;
}
