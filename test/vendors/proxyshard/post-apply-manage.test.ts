/**
 * ProxyShard writes that move no money (auto-renewal, tag, billing cycle, sub-users) under the write
 * outcome rule: applied and then answered badly → outcome_unknown (not a definite failure); a
 * documented refusal (400/403 with the vendor's message) stays a plain refusal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterApplyAnswer } from '../../helpers/post-apply';
import { expectUnknown } from '../../helpers/post-apply';
import { GIB, seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;

const ANSWERS: AfterApplyAnswer[] = ['5xx_html', 'reset', 'wrong_types'];

describe.each(ANSWERS)('non-money writes applied, then answered "%s"', (answer) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });
  const fault = (method: 'POST' | 'PATCH' | 'DELETE', path: string) =>
    ctx.sim.server.injectFault({ kind: 'after_apply', answer, method, path });

  it('setAutoRenew', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.autoRenewal === false && o.status === 'active');
    fault('POST', `/user/api/orders/edit-auto-renewal/${dc.id}`);
    await expectUnknown(() => ctx.client.setAutoRenew({ kind: 'order', ids: [String(dc.id)], enabled: true }));
    expect(dc.autoRenewal).toBe(true); // it was applied
    dc.autoRenewal = false;
  });

  it('setAutoRenew over several orders stops at the unknown one', async () => {
    const [a, b, c] = [...ctx.sim.account.orders.values()].filter(
      (o) => (o.product === 'dc' || o.product === 'isp') && o.status !== 'cancelled',
    );
    for (const o of [a!, b!, c!]) o.autoRenewal = false;
    fault('POST', `/user/api/orders/edit-auto-renewal/${b!.id}`);
    await expectUnknown(() =>
      ctx.client.setAutoRenew({ kind: 'order', ids: [a!, b!, c!].map((o) => String(o.id)), enabled: true }),
    );
    expect([a!, b!, c!].map((o) => o.autoRenewal)).toEqual([true, true, false]);
  });

  it('setOrderTag', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc');
    fault('POST', `/user/api/orders/${dc.id}/tag`);
    await expectUnknown(() => ctx.client.setOrderTag(String(dc.id), `t-${answer}`));
    expect(dc.tag).toBe(`t-${answer}`);
  });

  it('changeBillingCycle', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc' && o.location === 'DE');
    fault('POST', `/user/api/orders/change-billing-cycle/${dc.id}`);
    const cycle = dc.cycle === 'weekly' ? 'monthly' : 'weekly';
    await expectUnknown(() => ctx.client.changeBillingCycle(String(dc.id), cycle));
    expect(dc.cycle).toBe(cycle);
  });

  it('createSubUser', async () => {
    const pool = ctx.sim.account.pools.premium!;
    const n = pool.subUsers.length;
    fault('POST', '/user/api/proxies/sub-user$');
    await expectUnknown(() =>
      ctx.client.createSubUser({ username: `premium:c-${answer}`, password: '', limitBytes: GIB }),
    );
    expect(pool.subUsers).toHaveLength(n + 1);
  });

  it('updateSubUser: rename applied, then the traffic move unknown: the password step is not sent', async () => {
    const u = ctx.sim.account.pools.standart!.subUsers[0]!;
    const id = `standart:${u.userId}`;
    const password = u.proxyPassword;
    const limit = u.dataBytes;
    fault('POST', `/user/api/proxies/sub-user/${u.userId}/data/add`);
    await expectUnknown(() =>
      ctx.client.updateSubUser(id, { username: `r-${answer}`, limitBytes: limit + GIB, password: '' }),
    );
    expect(u.firstName).toBe(`r-${answer}`);
    expect(u.dataBytes).toBe(limit + GIB);
    expect(u.proxyPassword).toBe(password);
  });

  it('updateSubUser: rename (PATCH) and password regeneration', async () => {
    const u = ctx.sim.account.pools.standart!.subUsers[1]!;
    fault('PATCH', `/user/api/proxies/sub-user/${u.userId}`);
    await expectUnknown(() => ctx.client.updateSubUser(`standart:${u.userId}`, { username: 'x' }));
    expect(u.firstName).toBe('x');
    const password = u.proxyPassword;
    fault('POST', `/user/api/proxies/sub-user/${u.userId}/password`);
    await expectUnknown(() => ctx.client.regenerateSubUserPassword(`standart:${u.userId}`));
    expect(u.proxyPassword).not.toBe(password);
  });

  it('deleteSubUser', async () => {
    const pool = ctx.sim.account.pools.standart!;
    const u = pool.subUsers.at(-1)!;
    fault('DELETE', `/user/api/proxies/sub-user/${u.userId}`);
    await expectUnknown(() => ctx.client.deleteSubUser(`standart:${u.userId}`));
    expect(pool.subUsers.some((x) => x.userId === u.userId)).toBe(false);
  });
});

describe('non-money writes: documented refusals stay refusals', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });
  const refused = { uncertain: false, code: 'vendor_rejected' };

  it('auto-renewal on a residential order (400)', async () => {
    const resi = seededOrder(ctx.sim, (o) => o.product === 'premium');
    await expect(
      ctx.client.setAutoRenew({ kind: 'order', ids: [String(resi.id)], enabled: true }),
    ).rejects.toMatchObject({ ...refused, httpStatus: 400 });
  });

  it('a cycle not available to this user (403)', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc');
    await expect(ctx.client.changeBillingCycle(String(dc.id), 'yearly')).rejects.toMatchObject({
      ...refused,
      httpStatus: 403,
    });
  });

  it('a sub-user with more traffic than the pool has, or subtracting used traffic (400)', async () => {
    await expect(
      ctx.client.createSubUser({ username: 'premium:huge', password: '', limitBytes: 10_000 * GIB }),
    ).rejects.toMatchObject({ ...refused, message: expect.stringMatching(/Not enough traffic/) });
    const u = ctx.sim.account.pools.premium!.subUsers[0]!;
    await expect(ctx.client.updateSubUser(`premium:${u.userId}`, { limitBytes: 0 })).rejects.toMatchObject(refused);
  });

  it('an unknown sub-user or order (400 "not found")', async () => {
    await expect(ctx.client.deleteSubUser('standart:999999')).rejects.toMatchObject(refused);
    await expect(ctx.client.setOrderTag('1', 'x')).rejects.toMatchObject({ ...refused, httpStatus: 400 });
  });

  it('an unreadable answer is unknown even when the vendor did not apply it (Proxydeck cannot tell)', async () => {
    const dc = seededOrder(ctx.sim, (o) => o.product === 'dc');
    ctx.sim.server.injectFault({ kind: 'malformed', method: 'POST', path: `/user/api/orders/${dc.id}/tag` });
    await expectUnknown(() => ctx.client.setOrderTag(String(dc.id), 'never-applied'));
    expect(dc.tag).not.toBe('never-applied');
  });
});
