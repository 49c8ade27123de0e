import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import { parseIpAnswer } from '../../main/core/network/public-ip';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { type BestproxySimulator, createBestproxySimulator } from '../../main/simulators/bestproxy';
import { createThordataSimulator, type ThordataSimulator } from '../../main/simulators/thordata';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { thordataModule } from '../../main/vendors/thordata';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { VENDOR_FORM_RULES } from '../../preload/contract/vendors';
import { checkLines } from '../../preload/contract/whitelist-bulk';
import { startSocks5Proxy } from '../helpers/proxies';
import { tempDir } from '../helpers/tmp';
import { type CheckServer, checkServer } from './whitelist-bulk-check-server';

const { dir, cleanup } = tempDir();
let core: Core;
let bp: BestproxySimulator;
let th: ThordataSimulator;
let check: CheckServer;
let bpId: string;
let thId: string;
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};
const sent = (sim: { server: { requests: { method: string; path: string }[] } }, tail: string) =>
  sim.server.requests.filter((q) => q.method === 'POST' && q.path.endsWith(tail)).length;

beforeAll(async () => {
  check = await checkServer();
  bp = createBestproxySimulator({ seed: 5 });
  th = createThordataSimulator({ seed: 5 });
  await bp.listen();
  await th.listen();
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { bestproxy: bestproxyModule, thordata: thordataModule },
    version: 't',
    baseUrls: { bestproxy: bp.baseUrl(), thordata: th.baseUrl() },
  });
  bpId = (await core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: bp.credentials })).id;
  thId = (await core.accounts.add({ vendor: 'thordata', label: 'TH', credentials: th.credentials })).id;
  ok(await call('settings:update', { health: { checkUrl: check.url, concurrency: 2, timeoutMs: 3000, slowMs: 1500 } }));
  core.refresh.start();
  await core.refresh.idle();
});
afterAll(async () => {
  await core.refresh.idle();
  await bp.close();
  await th.close();
  await check.close();
  cleanup();
});

describe('public IP', () => {
  it('reads the IP from the local check server', async () => {
    check.answer.body = JSON.stringify({ ip: '198.51.100.20', country: 'DE' });
    const r = ok(await call('publicIp:get'));
    expect(r.ip).toBe('198.51.100.20');
    expect(Number.isNaN(Date.parse(r.checkedAt))).toBe(false);
  });

  it('is strict on the answer and says what is wrong in plain words', async () => {
    for (const body of ['{"ip":"999.1.1.1"}', '{"country":"DE"}', '<html>blocked</html>', '["1.2.3.4"]']) {
      check.answer.body = body;
      const r = await call('publicIp:get');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad_response');
        expect(r.error.message).toMatch(/did not answer with an IP address/);
      }
    }
    check.answer.status = 503;
    const r = await call('publicIp:get');
    expect(r.ok ? null : r.error.message).toMatch(/HTTP 503/);
    check.answer.status = 200;
    check.answer.body = JSON.stringify({ ip: '198.51.100.20' });
  });

  it('goes the way the vendor calls go: through the proxy chosen in "Connect to vendors"', async () => {
    const proxy = await startSocks5Proxy();
    try {
      ok(
        await call('settings:update', {
          connection: { mode: 'proxy', proxy: { protocol: 'socks5', host: '127.0.0.1', port: proxy.port } },
        }),
      );
      expect(ok(await call('publicIp:get')).ip).toBe('198.51.100.20');
      expect(proxy.tunnels).toContain(new URL(check.url).host);
      await proxy.close();
      // The chosen proxy is never bypassed: when it is gone, the check fails and says so.
      const r = await call('publicIp:get');
      expect(r.ok ? null : r.error.code).toBe('network');
    } finally {
      ok(await call('settings:update', { connection: { mode: 'direct' } }));
      await proxy.close().catch(() => undefined);
    }
  });

  it('takes IPv6 answers', () => {
    expect(parseIpAnswer('{"ip":"2001:db8::1"}')).toBe('2001:db8::1');
    expect(parseIpAnswer('{"ip":"2001:db8::1/64"}')).toBeNull();
  });
});

describe('per-line checks', () => {
  it('names every refused line with its reason, per vendor rule', () => {
    const text = ['203.0.113.1', 'nonsense', '2001:db8::5', '203.0.113.0/24', '203.0.113.1', '203.0.113.24'].join('\n');
    const th = checkLines(text, VENDOR_FORM_RULES.thordata.whitelist!, ['203.0.113.24'], null);
    expect(th.lines.map((l) => [l.line, l.verdict])).toEqual([
      [1, 'ok'],
      [2, 'invalid'],
      [3, 'ipv6'],
      [4, 'range'],
      [5, 'duplicate'],
      [6, 'listed'],
    ]);
    expect(th.toAdd).toEqual(['203.0.113.1']);
    const ipv6Rules = { ...VENDOR_FORM_RULES.bestproxy.whitelist!, ipv6: true };
    expect(checkLines(text, ipv6Rules, [], null).lines.find((l) => l.line === 3)?.verdict).toBe('ok');
    // A fixed size the docs give counts what is already listed.
    const fixed = checkLines('192.0.2.1\n192.0.2.2', { ...ipv6Rules, maxEntries: 2 }, ['192.0.2.9'], null);
    expect(fixed.lines.map((l) => l.verdict)).toEqual(['ok', 'full']);
    expect(fixed.full).toBe(true);
  });

  it('sends nothing for a refused line, and only the good lines of each account', async () => {
    const before = { bp: sent(bp, '/proxy-ip/add'), th: sent(th, '/add-ip') };
    const text = 'not-an-ip\n2001:db8::77\n203.0.113.0/30\n203.0.113.99';
    const plans = ok(await call('whitelist:bulkCheck', { accountIds: [bpId, thId], text }));
    expect(plans.find((p) => p.accountId === thId)?.toAdd).toEqual(['203.0.113.99']);
    expect(plans.find((p) => p.accountId === bpId)?.toAdd).toEqual(['203.0.113.99']);
    const results = ok(await call('whitelist:bulkAdd', { accountIds: [bpId, thId], text }));
    const thR = results.find((r) => r.accountId === thId)!;
    expect(thR.added).toEqual(['203.0.113.99']);
    expect(thR.refused.map((l) => l.verdict)).toEqual(['invalid', 'ipv6', 'range']);
    expect(results.find((r) => r.accountId === bpId)).toMatchObject({ added: ['203.0.113.99'], error: null });
    // Thordata takes one address per call, BestProxy a list: one call each, for the one good line only.
    expect(sent(th, '/add-ip')).toBe(before.th + 1);
    expect(sent(bp, '/proxy-ip/add')).toBe(before.bp + 1);
  });

  it('says the whitelist is full before sending, from the room the vendor reports', async () => {
    // The Thordata residential list holds 5 of 10 (4 seeded, 1 added above): five fit, the sixth does not.
    const ips = Array.from({ length: 6 }, (_, i) => `192.0.2.${i + 10}`);
    const before = sent(th, '/add-ip');
    const [plan] = ok(await call('whitelist:bulkCheck', { accountIds: [thId], text: ips.join('\n') }));
    expect(plan?.room).toBe(5);
    expect(plan?.full).toBe(true);
    expect(plan?.lines.at(-1)).toMatchObject({ value: '192.0.2.15', verdict: 'full' });
    expect(sent(th, '/add-ip')).toBe(before); // the check sends nothing
    const [r] = ok(await call('whitelist:bulkAdd', { accountIds: [thId], text: ips.join('\n') }));
    expect(r?.added).toEqual(ips.slice(0, 5));
    expect(r?.refused).toMatchObject([{ value: '192.0.2.15', verdict: 'full' }]);
    expect(sent(th, '/add-ip')).toBe(before + 5); // never the one that does not fit
  });

  it('adds my current IP to several accounts with a result for each', async () => {
    check.answer.body = JSON.stringify({ ip: '198.51.100.20' });
    const { ip } = ok(await call('publicIp:get'));
    const results = ok(await call('whitelist:bulkAdd', { accountIds: [bpId], text: ip }));
    expect(results).toEqual([{ accountId: bpId, added: [ip], refused: [], error: null }]);
    const again = ok(await call('whitelist:bulkCheck', { accountIds: [bpId, thId], text: ip }));
    expect(again.find((p) => p.accountId === bpId)?.lines[0]?.verdict).toBe('listed');
  });
});
