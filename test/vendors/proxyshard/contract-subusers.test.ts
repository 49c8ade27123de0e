/** Sub-user writes (residential pools): create, rename, traffic moves in whole GB, password, delete. */
import { beforeAll, describe, expect, it } from 'vitest';
import { GIB, setup } from './helpers';

describe('proxyshard sub-user writes', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('createSubUser sends whole GB to the first pool and returns the new user in bytes', async () => {
    const u = await ctx.client.createSubUser({ username: 'new-client', password: 'ignored', limitBytes: 3 * GIB });
    expect(u).toMatchObject({ username: 'new-client', limitBytes: 3 * GIB, usedBytes: 0 });
    expect(u?.id).toMatch(/^standart:\d+$/);
    const w = ctx.sim.writes.at(-1)!;
    expect(w).toMatchObject({ path: '/user/api/proxies/sub-user', query: 'proxy_type=standart' });
    expect(JSON.parse(w.body)).toEqual({ name: 'new-client', data: 3 });
  });

  it('createSubUser with a premium: prefix goes to the premium pool', async () => {
    const u = await ctx.client.createSubUser({ username: 'premium:vip', password: '', limitBytes: 1.4 * GIB });
    expect(u?.id).toMatch(/^premium:/);
    expect(JSON.parse(ctx.sim.writes.at(-1)!.body)).toEqual({ name: 'vip', data: 1 });
  });

  it('updateSubUser: rename (PATCH), traffic up/down in GB, password regeneration with {}', async () => {
    const pool = ctx.sim.account.pools.standart!;
    const u = pool.subUsers[0]!;
    const id = `standart:${u.userId}`;
    const startGb = u.dataBytes / GIB;
    await ctx.client.updateSubUser(id, { username: 'renamed' });
    expect(u.firstName).toBe('renamed');
    expect(ctx.sim.writes.at(-1)).toMatchObject({ method: 'PATCH', query: 'proxy_type=standart' });
    await ctx.client.updateSubUser(id, { limitBytes: (startGb + 2) * GIB });
    expect(ctx.sim.writes.at(-1)).toMatchObject({
      path: `/user/api/proxies/sub-user/${u.userId}/data/add`,
      body: '{"data":2}',
    });
    expect(u.dataBytes).toBe((startGb + 2) * GIB);
    await ctx.client.updateSubUser(id, { limitBytes: (startGb + 1) * GIB });
    expect(ctx.sim.writes.at(-1)).toMatchObject({
      path: `/user/api/proxies/sub-user/${u.userId}/data/subtract`,
      body: '{"data":1}',
    });
    const oldPassword = u.proxyPassword;
    await ctx.client.updateSubUser(id, { password: '' });
    expect(ctx.sim.writes.at(-1)).toMatchObject({
      path: `/user/api/proxies/sub-user/${u.userId}/password`,
      body: '{}',
    });
    expect(u.proxyPassword).not.toBe(oldPassword);
    expect(await ctx.client.subUserProxyPassword(id)).toBe(u.proxyPassword);
  });

  it('updateSubUser refuses what ProxyShard cannot do', async () => {
    const id = `standart:${ctx.sim.account.pools.standart!.subUsers[0]!.userId}`;
    await expect(ctx.client.updateSubUser(id, { password: 'chosen' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(ctx.client.updateSubUser(id, { status: 'disabled' })).rejects.toMatchObject({ code: 'not_supported' });
    await expect(ctx.client.updateSubUser(id, { limitBytes: null })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('subtracting more than is unused -> vendor_rejected with the vendor text', async () => {
    const u = ctx.sim.account.pools.premium!.subUsers[0]!;
    await expect(ctx.client.updateSubUser(`premium:${u.userId}`, { limitBytes: 0 })).rejects.toMatchObject({
      code: 'vendor_rejected',
      message: expect.stringMatching(/Not enough unused traffic/),
    });
  });

  it('deleteSubUser removes it (DELETE without proxy_type)', async () => {
    const pool = ctx.sim.account.pools.standart!;
    const u = pool.subUsers.at(-1)!;
    await ctx.client.deleteSubUser(`standart:${u.userId}`);
    expect(pool.subUsers.find((x) => x.userId === u.userId)).toBeUndefined();
    expect(ctx.sim.writes.at(-1)).toMatchObject({ method: 'DELETE', query: '' });
  });
});
