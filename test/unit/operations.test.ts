import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { createBestproxySimulator } from '../../main/simulators/bestproxy';
import type { VendorSimulator } from '../../main/simulators/types';
import { createYouproxySimulator } from '../../main/simulators/youproxy';
import { bestproxyModule } from '../../main/vendors/bestproxy';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { IpAddressSchema } from '../../preload/contract/schemas';
import { tempDir } from '../helpers/tmp';

const { dir, cleanup } = tempDir();
let bp: VendorSimulator;
let yp: VendorSimulator;
let core: Core;
let bpId: string;
let ypId: string;
const call = <C extends Channel>(ch: C, ...args: ChannelArgs<C>) =>
  core.dispatch(ch, args) as Promise<Result<ChannelResponses[C]>>;

beforeAll(async () => {
  bp = createBestproxySimulator({ seed: 5 });
  yp = createYouproxySimulator({ seed: 5 });
  await bp.listen();
  await yp.listen();
  core = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { bestproxy: bestproxyModule, youproxy: youproxyModule },
    version: 't',
    baseUrls: { bestproxy: bp.baseUrl(), youproxy: yp.baseUrl() },
  });
  bpId = (await core.accounts.add({ vendor: 'bestproxy', label: 'BP', credentials: bp.credentials })).id;
  ypId = (await core.accounts.add({ vendor: 'youproxy', label: 'YP', credentials: yp.credentials })).id;
  core.refresh.start();
  await core.refresh.idle();
});
afterAll(async () => {
  await bp.close();
  await yp.close();
  cleanup();
});

describe('IP addresses', () => {
  it.each(['1.2.3.4', '255.255.255.255', '::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.1', 'fe80:0:0:0:0:0:0:1'])(
    'accepts %s',
    (ip) => expect(IpAddressSchema.safeParse(ip).success).toBe(true),
  );
  it.each([
    '256.1.1.1',
    '1.2.3',
    '01.2.3.4',
    '1.2.3.4/24',
    'example.com',
    '2001:db8:::1',
    '1:2:3:4:5:6:7:8:9',
    ':::',
    '',
  ])('refuses %s', (ip) => expect(IpAddressSchema.safeParse(ip).success).toBe(false));
});

describe('account operations through IPC', () => {
  it('adds a whitelist entry at the vendor and saves the vendor’s list into the snapshot', async () => {
    const before = core.refresh.list().find((s) => s.accountId === bpId)!.whitelist.length;
    const r = await call('whitelist:add', { accountId: bpId, ips: ['203.0.113.77'] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.map((e) => e.ip)).toContain('203.0.113.77');
    const after = core.refresh.list().find((s) => s.accountId === bpId)!.whitelist;
    expect(after.length).toBe(before + 1);
  });

  it('refuses a bad address before anything is sent', async () => {
    const r = await call('whitelist:add', { accountId: bpId, ips: ['203.0.113.77', '999.1.1.1'] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'This is not a valid IPv4 or IPv6 address.' },
    });
  });

  it('creates, updates and deletes a sub-user', async () => {
    const created = await call('subusers:create', {
      accountId: bpId,
      username: 'reseller7',
      password: 'Passw0rd99',
      limitBytes: 5 * 1024 ** 3,
    });
    expect(created.ok).toBe(true);
    const user = created.ok ? created.data.find((u) => u.username === 'reseller7') : undefined;
    expect(user?.limitBytes).toBe(5 * 1024 ** 3);
    const updated = await call('subusers:update', { accountId: bpId, id: user!.id, patch: { status: 'disabled' } });
    expect(updated.ok && updated.data.find((u) => u.id === user!.id)?.status).toBe('disabled');
    const deleted = await call('subusers:delete', { accountId: bpId, id: user!.id });
    expect(deleted.ok && deleted.data.some((u) => u.id === user!.id)).toBe(false);
  });

  it('reads daily traffic for a date range', async () => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 13 * 86_400_000).toISOString().slice(0, 10);
    const r = await call('traffic:get', { accountId: bpId, from, to, granularity: 'day' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data[0]?.points.length).toBeGreaterThan(0);
    const backwards = await call('traffic:get', { accountId: bpId, from: to, to: from, granularity: 'day' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('says plainly when a vendor does not offer an operation', async () => {
    const r = await call('whitelist:add', { accountId: ypId, ips: ['203.0.113.5'] });
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_supported', message: 'YouProxy does not offer this through its API.' },
    });
  });
});
