/**
 * p0f OS signatures (doc §3.2 #12, §3.3 #17): the body sent, the slot check made before sending,
 * the simulator's rules (slots taken for good, 400s, non-DC/ISP orders), and a post-apply fault
 * (applied, then answered badly → outcome unknown; /proxies/active then shows what was applied).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUnknown } from '../../helpers/post-apply';
import { seededOrder, setup } from './helpers';

type Ctx = Awaited<ReturnType<typeof setup>>;
const refused = { uncertain: false };

describe('ProxyShard p0f signatures', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });
  // The seed: a DC order with 4 p0f slots, 3 IPs signed (1 free), and more IPs than slots.
  const slotted = () => seededOrder(ctx.sim, (o) => o.product === 'dc' && (o.addons[0]?.qty ?? 0) === 4);

  it('orderIpTools reads each IP’s signature from /proxies/active and the free slots from the order', async () => {
    const o = slotted();
    const tools = await ctx.client.orderIpTools(String(o.id));
    expect(tools.ips.map((x) => x.ip)).toEqual(o.ips.map((x) => x.ip));
    expect(tools.ips.map((x) => x.signature)).toEqual(o.ips.map((x) => x.signature));
    expect(tools.ips.filter((x) => x.signature).length).toBe(3);
    expect(tools.slots).toEqual({ available: 4, used: 3 });
  });

  it('sends exactly {items:[{ip, signature}]}; a new signature takes a slot, re-signing takes none', async () => {
    const o = slotted();
    const unsigned = o.ips.find((x) => !x.signature)!;
    const signed = o.ips.find((x) => x.signature)!;
    const before = ctx.sim.writes.length;
    await ctx.client.setSignatures(String(o.id), [
      { ip: unsigned.ip, signature: 'win11' },
      { ip: signed.ip, signature: 'macos' },
    ]);
    const sent = ctx.sim.writes.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: `/user/api/orders/${o.id}/signature/set` });
    expect(JSON.parse(sent[0]!.body)).toEqual({
      items: [
        { ip: unsigned.ip, signature: 'win11' },
        { ip: signed.ip, signature: 'macos' },
      ],
    });
    const tools = await ctx.client.orderIpTools(String(o.id));
    expect(tools.ips.find((x) => x.ip === unsigned.ip)?.signature).toBe('win11');
    expect(tools.ips.find((x) => x.ip === signed.ip)?.signature).toBe('macos');
    expect(tools.slots).toEqual({ available: 4, used: 4 });
  });

  it('too few free slots is refused before anything is sent, in words that name the add-on', async () => {
    const o = slotted();
    const unsigned = o.ips.filter((x) => !x.signature);
    expect(unsigned.length, 'the seed has IPs beyond the slots').toBeGreaterThan(0);
    const before = ctx.sim.writes.length;
    await expect(
      ctx.client.setSignatures(String(o.id), [{ ip: unsigned[0]!.ip, signature: 'linux' }]),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/0 free p0f slots.*Buy 1 more p0f slot .*add-on.*Nothing was sent/),
    });
    expect(ctx.sim.writes.length).toBe(before);
  });

  it('an IP outside the order is refused before sending; the simulator refuses one with a 400 and changes nothing', async () => {
    const o = slotted();
    const before = ctx.sim.writes.length;
    await expect(
      ctx.client.setSignatures(String(o.id), [{ ip: '198.51.100.250', signature: 'win10' }]),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/not an IP of this order/) });
    expect(ctx.sim.writes.length).toBe(before);
    // Straight to the route: one good item and one bad → 400 and nothing applied.
    const signed = o.ips.find((x) => x.signature)!;
    const was = signed.signature;
    const res = await fetch(`${ctx.sim.baseUrl()}/user/api/orders/${o.id}/signature/set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.sim.credentials.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          { ip: signed.ip, signature: 'ios' },
          { ip: signed.ip, signature: 'unset' },
        ],
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false });
    expect(signed.signature).toBe(was);
  });

  it('a residential order has no IP list: 403 from /proxies/active becomes plain words', async () => {
    const res = seededOrder(ctx.sim, (o) => o.product !== 'dc' && o.product !== 'isp');
    await expect(ctx.client.orderIpTools(String(res.id))).rejects.toMatchObject({
      code: 'not_supported',
      message: expect.stringMatching(/Only ProxyShard Datacenter and ISP orders/),
    });
  });

  it('a 400 from the vendor (validation) is a refusal, not unknown', async () => {
    const o = seededOrder(ctx.sim, (x) => x.product === 'isp' && (x.addons[0]?.qty ?? 0) === 3);
    const signed = o.ips.find((x) => x.signature)!;
    ctx.sim.server.injectFault({
      kind: 'status',
      status: 400,
      method: 'POST',
      path: `/user/api/orders/${o.id}/signature/set`,
    });
    await expect(
      ctx.client.setSignatures(String(o.id), [{ ip: signed.ip, signature: 'android' }]),
    ).rejects.toMatchObject({ ...refused, httpStatus: 400 });
  });

  it.each(['5xx_html', 'reset', 'wrong_types'] as const)(
    'applied, then answered "%s": outcome unknown, and /proxies/active shows it applied',
    async (answer) => {
      const o = seededOrder(ctx.sim, (x) => x.product === 'isp' && (x.addons[0]?.qty ?? 0) === 3);
      const signed = o.ips.find((x) => x.signature)!;
      const next = signed.signature === 'win10' ? 'linux' : 'win10';
      ctx.sim.server.injectFault({
        kind: 'after_apply',
        answer,
        method: 'POST',
        path: `/user/api/orders/${o.id}/signature/set`,
      });
      await expectUnknown(() => ctx.client.setSignatures(String(o.id), [{ ip: signed.ip, signature: next }]));
      const tools = await ctx.client.orderIpTools(String(o.id));
      expect(tools.ips.find((x) => x.ip === signed.ip)?.signature).toBe(next);
    },
  );
});
