/**
 * del-np (doc §3.3 #18): mark DC/ISP IPs to be dropped at the next renewal. The body sent, the checks
 * made before sending (IP in the order, at least one IP stays), the vendor's recalculated quantity,
 * its 400 refusals, and a post-apply fault (applied, then answered badly → outcome unknown).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUnknown } from '../../helpers/post-apply';
import { seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;

describe('ProxyShard del-np (drop IPs at the next renewal)', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });
  const dcOrder = () => seededOrder(ctx.sim, (o) => o.product === 'dc' && o.status === 'active' && o.ips.length >= 3);

  it('sends {items:[{ip, value}]}; the vendor recalculates the quantity, and value false undoes it', async () => {
    const o = dcOrder();
    const ip = o.ips[0]!.ip;
    const q0 = (await ctx.client.orderIpTools(String(o.id))).quantity;
    expect(q0).toBe(o.ips.length);
    const before = ctx.sim.writes.length;
    await ctx.client.setDropAtRenewal(String(o.id), [{ ip, drop: true }]);
    const sent = ctx.sim.writes.slice(before);
    expect(sent.map((w) => w.path)).toEqual([`/user/api/orders/${o.id}/del-np/set`]);
    expect(JSON.parse(sent[0]!.body)).toEqual({ items: [{ ip, value: true }] });
    expect((await ctx.client.orderIpTools(String(o.id))).quantity).toBe(q0! - 1);
    await ctx.client.setDropAtRenewal(String(o.id), [{ ip, drop: false }]);
    expect((await ctx.client.orderIpTools(String(o.id))).quantity).toBe(q0);
  });

  it('marking every IP is refused before sending ("at least one IP must stay")', async () => {
    const o = dcOrder();
    const before = ctx.sim.writes.length;
    await expect(
      ctx.client.setDropAtRenewal(
        String(o.id),
        o.ips.map((x) => ({ ip: x.ip, drop: true })),
      ),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/At least one IP must stay/) });
    expect(ctx.sim.writes.length).toBe(before);
  });

  it('the vendor’s own keep=0 (earlier marks + this one) is a 400 refusal, not unknown', async () => {
    const o = dcOrder();
    const [last, ...rest] = o.ips;
    await ctx.client.setDropAtRenewal(
      String(o.id),
      rest.map((x) => ({ ip: x.ip, drop: true })),
    );
    await expect(ctx.client.setDropAtRenewal(String(o.id), [{ ip: last!.ip, drop: true }])).rejects.toMatchObject({
      uncertain: false,
      httpStatus: 400,
      message: expect.stringMatching(/keep=0/),
    });
    await ctx.client.setDropAtRenewal(
      String(o.id),
      rest.map((x) => ({ ip: x.ip, drop: false })),
    );
    expect(o.ips.every((x) => !x.delNp)).toBe(true);
  });

  it('an IP outside the order is refused before sending', async () => {
    const before = ctx.sim.writes.length;
    await expect(
      ctx.client.setDropAtRenewal(String(dcOrder().id), [{ ip: '198.51.100.9', drop: true }]),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(ctx.sim.writes.length).toBe(before);
  });

  it.each(['5xx_html', 'reset', 'wrong_types'] as const)(
    'applied, then answered "%s": outcome unknown',
    async (answer) => {
      const o = dcOrder();
      const ip = o.ips[1]!;
      const was = ip.delNp;
      ctx.sim.server.injectFault({
        kind: 'after_apply',
        answer,
        method: 'POST',
        path: `/user/api/orders/${o.id}/del-np/set`,
      });
      await expectUnknown(() => ctx.client.setDropAtRenewal(String(o.id), [{ ip: ip.ip, drop: !ip.delNp }]));
      expect(ip.delNp).toBe(!was); // it was applied
    },
  );
});
