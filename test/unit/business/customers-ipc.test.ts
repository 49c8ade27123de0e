/** The customers channels through the real core: handlers wired, snapshot read, 'business-changed' sent. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DiskEnv, ok, startCore } from '../disk-env';
import { tempDir } from './store-fixtures';

let t: ReturnType<typeof tempDir>;
let env: DiskEnv | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
  t?.cleanup();
});

describe('customers over IPC', () => {
  it('save, assign an IP from the snapshot, import by IP, with an event after each change', async () => {
    t = tempDir();
    env = await startCore(t.dir);
    const { id } = ok(
      await env.call('accounts:add', { vendor: 'youproxy', label: 'Shop', credentials: env.sim.credentials }),
    );
    await env.core.refresh.idle();
    const snap = ok(await env.call('snapshots:list')).find((s) => s.accountId === id)!;
    const [first, second] = snap.proxies;
    expect(first && second).toBeTruthy();

    const before = env.events.filter((e) => e.type === 'business-changed').length;
    const ana = ok(await env.call('customers:save', { name: 'Ana' })).customers[0]!;
    const v = ok(
      await env.call('items:update', {
        items: [{ accountId: id, kind: 'ip', id: first!.id }],
        patch: { customerId: ana.id, price: { minor: 1500, currency: 'USD' } },
      }),
    );
    expect(v.items[0]).toMatchObject({ vendor: 'youproxy', label: first!.ip, presence: 'present', customerId: ana.id });

    const dup = await env.call('customers:save', { name: 'ANA' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'duplicate_label' } });

    const p = ok(await env.call('items:importPreview', { csv: `ip,customer\n${second!.ip},Bo\n` }));
    expect(p.lines[0]).toMatchObject({ item: { accountId: id, kind: 'ip', id: second!.id }, error: null });
    expect(p.newCustomers).toEqual(['Bo']);
    const applied = ok(await env.call('items:importApply', { previewId: p.previewId }));
    expect(applied.customers.map((c) => c.name)).toEqual(['Ana', 'Bo']);
    expect(ok(await env.call('rates:set', { base: 'USD', rates: [] })).rates).toEqual({ base: 'USD', rates: [] });
    expect(env.events.filter((e) => e.type === 'business-changed').length - before).toBe(4);
    expect(ok(await env.call('business:get')).items).toHaveLength(2);
    expect(env.core.business.get().customers).toHaveLength(2);
    const onDisk = JSON.parse(readFileSync(join(t.dir, 'business.json'), 'utf8'));
    expect(onDisk.items).toHaveLength(2);
  });

  it('a damaged business file is reported in the app notices and in the business view', async () => {
    t = tempDir();
    mkdirSync(t.dir, { recursive: true });
    writeFileSync(join(t.dir, 'business.json'), '{"version":1,"customers":[');
    env = await startCore(t.dir);
    const notices = ok(await env.call('app:info')).notices;
    const view = ok(await env.call('business:get'));
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0]).toMatch(/no backup/);
    expect(notices).toContain(view.notices[0]);
    // Restoring (here: any replace) clears it, and the window is told to reload the notices.
    const seen = env.events.length;
    env.core.business.replace({ version: 1, customers: [], items: [], rates: null }, 'test');
    expect(env.events.slice(seen).map((e) => e.type)).toEqual(['business-changed', 'notices-changed']);
    expect(ok(await env.call('app:info')).notices).not.toContain(view.notices[0]);
  });
});
