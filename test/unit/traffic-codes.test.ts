/**
 * Thordata traffic codes through IPC (main/core/operations/traffic-codes.ts): gated by the
 * `trafficCodes` capability, revoke sent once and answered with the list read afterwards, an unknown
 * outcome settled by reading the code; and the section's words in en and zh-CN.
 */
import { describe, expect, it } from 'vitest';
import { trafficCodesEn } from '../../renderer/i18n/traffic-codes.en';
import { trafficCodesZhCN } from '../../renderer/i18n/traffic-codes.zh-CN';
import { coreWithThordata } from '../helpers/core-with-sims';

const { env, call } = coreWithThordata();
const revokes = () => env.th.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cdk/revoke'));

describe('trafficCodes channels', () => {
  it('list: every code with the unit caveat; a status filter is passed on', async () => {
    const r = await call('trafficCodes:list', { accountId: env.thId });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.codes.map((c) => c.code).sort()).toEqual(env.th.cdk.codes.map((c) => c.cdk).sort());
    expect(r.data.note).toMatch(/GB/);
    const used = await call('trafficCodes:list', { accountId: env.thId, status: 'used' });
    expect(used.ok && used.data.codes.every((c) => c.status === 'used')).toBe(true);
  });

  it('a vendor without the capability is refused before anything is sent', async () => {
    const r = await call('trafficCodes:list', { accountId: env.bpId });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('revoke: one request, answered with the list read afterwards', async () => {
    const c = env.th.cdk.codes.find((x) => x.status === 1)!;
    const r = await call('trafficCodes:revoke', { accountId: env.thId, code: c.cdk });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.codes.find((x) => x.code === c.cdk)?.status).toBe('revoked');
    expect(revokes()).toHaveLength(1);
  });

  it('revoke applied then answered 502: settled as applied by reading the code, not sent again', async () => {
    const c = env.th.cdk.codes.find((x) => x.status === 1)!;
    const before = revokes().length;
    env.th.server.injectFault({ kind: 'after_apply', answer: '5xx_html', method: 'POST', path: '/cdk/revoke' });
    const r = await call('trafficCodes:revoke', { accountId: env.thId, code: c.cdk });
    expect(r.ok).toBe(true);
    expect(revokes().length - before).toBe(1);
    expect(c.status).toBe(3);
  });

  it('a code that is not a code is refused by the channel schema', async () => {
    const r = await call('trafficCodes:revoke', { accountId: env.thId, code: 'a b' });
    expect(r).toMatchObject({ ok: false });
  });
});

describe('traffic codes words', () => {
  const flat = (o: object, p = ''): [string, string][] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v as object, `${p}${k}.`),
    );
  const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('en and zh-CN have the same keys and placeholders; the revoke warning says what the docs do not', () => {
    const en = Object.fromEntries(flat(trafficCodesEn));
    const zh = Object.fromEntries(flat(trafficCodesZhCN));
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(names(zh[k]!), k).toEqual(names(en[k]!));
    expect(en['trafficCodes.revokeBody']).toMatch(/do not say whether the traffic returns to your balance/);
  });
});
