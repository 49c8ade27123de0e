import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import { AppFailure } from '../../main/core/errors';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { Vault } from '../../main/core/vault/vault';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import { fakeVendorModule } from '../helpers/fake-vendor';
import { tempDir } from '../helpers/tmp';

const Backend = Conf as unknown as BackendCtor;
const SECRET = 'PLANTED-SECRET-7f3a9c1e55d0b2aa';
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function core(vault: Vault = new MemoryVault()) {
  const proxyshard = fakeVendorModule('proxyshard', (c) => ({
    ok: c.apiKey === SECRET,
    message: c.apiKey === SECRET ? 'Connected.' : 'Rejected.',
  }));
  const raw = await createCore({
    dataDir: dir,
    Backend,
    vault,
    vendors: { proxyshard, thordata: fakeVendorModule('thordata') },
    version: '0.0.0-test',
  });
  return { c: { ...raw, dispatch: typed(raw) }, vault, proxyshard };
}

type Typed = <C extends Channel>(channel: C, args: ChannelArgs<C>) => Promise<Result<ChannelResponses[C]>>;
/** The dispatcher with the contract's types, as the renderer sees it. */
const typed = (c: Core): Typed => ((ch: string, args: unknown) => c.dispatch(ch, args)) as Typed;

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

describe('accounts', () => {
  it('adds, lists, renames and removes; the keychain entry goes with the account', async () => {
    const { c, vault } = await core();
    const added = ok(
      await c.dispatch('accounts:add', [{ vendor: 'proxyshard', label: 'Shop A', credentials: { apiKey: SECRET } }]),
    );
    expect(added).toMatchObject({
      vendor: 'proxyshard',
      label: 'Shop A',
      demo: false,
      credentialHint: `••••${SECRET.slice(-4)}`,
    });
    expect(await vault.get(added.id)).toEqual({ apiKey: SECRET });
    expect(ok(await c.dispatch('accounts:list', []))).toEqual([added]);
    expect(ok(await c.dispatch('accounts:test', [{ id: added.id }]))).toEqual({ ok: true, message: 'Connected.' });

    const renamed = ok(await c.dispatch('accounts:rename', [{ id: added.id, label: 'Shop B' }]));
    expect(renamed.label).toBe('Shop B');
    expect(ok(await c.dispatch('accounts:remove', [{ id: added.id }]))).toEqual({ id: added.id });
    expect(await vault.get(added.id)).toBeNull();
    expect(ok(await c.dispatch('accounts:list', []))).toEqual([]);
  });

  it('refuses duplicate labels, ignoring case and spaces, on add and rename', async () => {
    const { c } = await core();
    ok(await c.dispatch('accounts:add', [{ vendor: 'proxyshard', label: 'Main', credentials: { apiKey: SECRET } }]));
    const dup = await c.dispatch('accounts:add', [
      { vendor: 'thordata', label: ' main ', credentials: { token: 'tokentoken', key: 'keykeykey1' } },
    ]);
    expect(dup).toEqual({
      ok: false,
      error: {
        code: 'duplicate_label',
        message: 'You already have an account named "Main". Choose another name.',
        field: 'label',
      },
    });
    const other = ok(
      await c.dispatch('accounts:add', [
        { vendor: 'thordata', label: 'Other', credentials: { token: 'tokentoken', key: 'keykeykey1' } },
      ]),
    );
    expect((await c.dispatch('accounts:rename', [{ id: other.id, label: 'MAIN' }])).ok).toBe(false);
  });

  it("validates the vendor's own credential fields", async () => {
    const { c } = await core();
    const missing = await c.dispatch('accounts:add', [
      { vendor: 'thordata', label: 'T', credentials: { token: 'tokentoken' } },
    ]);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'key' } });
    const extra = await c.dispatch('accounts:add', [
      { vendor: 'proxyshard', label: 'P', credentials: { apiKey: SECRET, token: 'x' } },
    ]);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'token' } });
    const short = await c.dispatch('accounts:add', [
      { vendor: 'proxyshard', label: 'P', credentials: { apiKey: 'short' } },
    ]);
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'That key looks too short.' },
    });
  });

  it('keeps working read-only when the keychain is unavailable', async () => {
    const { c, vault } = await core();
    const added = ok(
      await c.dispatch('accounts:add', [{ vendor: 'proxyshard', label: 'Shop A', credentials: { apiKey: SECRET } }]),
    );
    const broken: Vault = {
      get: async () => {
        throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
      },
      set: async () => {
        throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
      },
      delete: async () => {
        throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
      },
      list: async () => [],
      status: async () => ({ available: false, message: 'No system keychain was found.' }),
      getDataKey: async () => {
        throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
      },
      setDataKey: async () => {
        throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
      },
    };
    void vault;
    const { c: offline } = await core(broken);
    expect(ok(await offline.dispatch('accounts:list', []))).toEqual([added]);
    expect(ok(await offline.dispatch('app:info', [])).keychain).toEqual({
      available: false,
      message: 'No system keychain was found.',
    });
    const add = await offline.dispatch('accounts:add', [
      { vendor: 'proxyshard', label: 'New', credentials: { apiKey: SECRET } },
    ]);
    expect(add).toEqual({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'No system keychain was found.' },
    });
    expect(ok(await offline.dispatch('accounts:list', []))).toHaveLength(1); // nothing half-added
    const test = await offline.dispatch('accounts:test', [{ id: added.id }]);
    expect(test).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
  });

  it('never returns the secret through IPC and never writes it to the store', async () => {
    const { c } = await core();
    const responses: unknown[] = [];
    const call: Typed = async (ch, args) => {
      const r = await c.dispatch(ch, args);
      responses.push(r);
      return r;
    };
    const added = ok(
      (await call('accounts:add', [
        { vendor: 'proxyshard', label: 'Shop A', credentials: { apiKey: SECRET } },
      ])) as never,
    ) as { id: string };
    await call('accounts:list', []);
    await call('accounts:test', [{ id: added.id }]);
    await call('accounts:testCredentials', [{ vendor: 'proxyshard', credentials: { apiKey: SECRET } }]);
    await call('app:info', []);
    await call('vendors:list', []);
    await call('accounts:rename', [{ id: added.id, label: 'Renamed' }]);
    expect(JSON.stringify(responses)).not.toContain(SECRET);
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (f.endsWith('.json')) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(SECRET);
    }
  });

  it('stores settings through IPC with validation', async () => {
    const { c } = await core();
    const events: string[] = [];
    c.events.on((e) => events.push(e.type));
    expect(ok(await c.dispatch('settings:update', [{ theme: 'dark', expiryWindowDays: 10 }]))).toMatchObject({
      theme: 'dark',
      expiryWindowDays: 10,
    });
    expect((await c.dispatch('settings:update', [{ expiryWindowDays: 1000 }])).ok).toBe(false);
    expect(ok(await c.dispatch('settings:get', []))).toMatchObject({ theme: 'dark', expiryWindowDays: 10 });
    expect(events).toEqual(['settings-changed']);
  });
});
