import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../main/core/app-core';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { youproxyModule } from '../../main/vendors/youproxy';
import type { VendorSummary } from '../../preload/contract/channels';
import { VENDORS } from '../../preload/contract/vendors';
import { tempDir } from '../helpers/tmp';

/** Issue 11 points 1 and 3: vendor pages open from the descriptor's URL (never the window's); rules in vendors:list. */

const dirs: (() => void)[] = [];
const cores: Core[] = [];
async function core(openExternal?: (url: string) => Promise<void>): Promise<Core> {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const c = await createCore({
    dataDir: dir,
    Backend: Conf as unknown as BackendCtor,
    vault: new MemoryVault(),
    vendors: { youproxy: youproxyModule },
    version: 't',
    ...(openExternal ? { openExternal } : {}),
  });
  cores.push(c);
  return c;
}
afterAll(async () => {
  for (const c of cores) await c.shutdown();
  for (const d of dirs) d();
});

describe('app:openVendorPage', () => {
  it('the shell opens the descriptor URL in the system browser', async () => {
    const opened: string[] = [];
    const c = await core(async (url) => {
      opened.push(url);
    });
    const r = await c.dispatch('app:openVendorPage', [{ vendor: 'thordata', page: 'dashboard' }]);
    expect(r).toEqual({ ok: true, data: { url: VENDORS.thordata.pages.dashboard, opened: true } });
    expect(opened).toEqual(['https://dashboard.thordata.com']);
  });

  it('the browser host (no openExternal) answers the URL for the window to open', async () => {
    const c = await core();
    const r = await c.dispatch('app:openVendorPage', [{ vendor: 'youproxy', page: 'topup' }]);
    expect(r).toEqual({ ok: true, data: { url: VENDORS.youproxy.pages.topup, opened: false } });
  });

  it('refuses a URL, an unknown page or vendor from the window', async () => {
    const c = await core(async () => {});
    for (const arg of [
      { vendor: 'thordata', page: 'dashboard', url: 'https://evil.example' },
      { vendor: 'thordata', page: 'settings' },
      { vendor: 'nope', page: 'dashboard' },
    ]) {
      const r = await c.dispatch('app:openVendorPage', [arg]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_argument');
    }
  });

  it('vendors:list carries each vendor’s renewal rule per item kind and its page names (not URLs)', async () => {
    const c = await core();
    const r = await c.dispatch('vendors:list', []);
    if (!r.ok) throw new Error(r.error.message);
    const list = r.data as VendorSummary[];
    const by = Object.fromEntries(list.map((v) => [v.id, v]));
    expect(by.thordata?.renewal).toEqual({ order: 'dashboard', ip: 'dashboard', server: 'here' });
    expect(by.proxyshard?.renewal).toEqual({ order: 'onHold', ip: 'viaOrder', server: 'none' });
    expect(by.youproxy?.pages).toEqual(['dashboard', 'topup']);
    for (const v of Object.values(VENDORS)) {
      for (const url of Object.values(v.pages)) expect(url).toMatch(/^https:\/\/[a-z.]+\.[a-z]+\/?/);
    }
  });
});
