/**
 * Export and import of all local user data (issue 16 §5), through a real core: the file's shape, a round
 * trip onto another computer, matching accounts, the preview (nothing replaced before Replace; its id
 * works once, for 10 minutes), files refused in plain words, and an older export brought up to date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp';
import { businessFor, CUST_A, movableClock, ok, startCore, type TestCore } from '../../helpers/userdata-fixtures';

const KEY = 'ps-key-0123456789abcdef';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function computer(now?: () => Date): Promise<TestCore & { dir: string }> {
  const t = tempDir('pd-userdata-');
  const c = await startCore(t.dir, now ? { now } : {});
  cleanups.push(t.cleanup, () => c.core.shutdown());
  return { ...c, dir: t.dir };
}

/** A computer with one ProxyShard account and its business data. */
async function filled(now?: () => Date) {
  const c = await computer(now);
  const acc = ok(
    await c.call('accounts:add', { vendor: 'proxyshard', label: 'Main shard', credentials: { apiKey: KEY } }),
  );
  c.core.business.replace(businessFor(acc.id), 'test');
  return { ...c, acc };
}

describe('export', () => {
  it('holds settings, accounts and the business data, and no key by default', async () => {
    const a = await filled();
    const out = ok(await a.call('userdata:export', { includeKeys: false, passphrase: null }));
    expect(out.fileName).toMatch(/^proxydeck-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(out.keys).toBe(0);
    const file = JSON.parse(out.content);
    expect(file).toMatchObject({ format: 'proxydeck-export', version: 1, appVersion: '9.9.9-test', secrets: null });
    expect(file.settings).toEqual(a.core.store.settings());
    expect(file.accounts).toEqual([{ id: a.acc.id, vendor: 'proxyshard', label: 'Main shard', demo: false }]);
    expect(file.business).toEqual(a.core.business.get());
    expect(out.content).not.toContain(KEY);
  });

  it('refuses keys without a passphrase of 10 characters, and says so', async () => {
    const a = await filled();
    const r = await a.call('userdata:export', { includeKeys: true, passphrase: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'passphrase' } });
    if (!r.ok) expect(r.error.message).toBe('Use a passphrase of at least 10 characters.');
  });
});

describe('import', () => {
  it('round trip: the other computer gets every customer and item; accounts not there are reported, their items kept', async () => {
    const a = await filled();
    const content = ok(await a.call('userdata:export', { includeKeys: false, passphrase: null })).content;
    const b = await computer();
    const preview = ok(await b.call('userdata:importPreview', { content, passphrase: null }));
    expect(preview).toMatchObject({
      fileVersion: 1,
      migrated: false,
      keys: 'none',
      proxyPassword: false,
      settingsChanged: false,
      customers: { total: 2, added: 2, replaced: 0, removed: 0 },
      items: { total: 2, added: 2, replaced: 0, removed: 0 },
    });
    expect(preview.accounts).toEqual([
      { label: 'Main shard', vendor: 'proxyshard', demo: false, status: 'missing', localLabel: null, items: 2 },
    ]);
    // Nothing changed by the preview.
    expect(b.core.business.get().customers).toEqual([]);

    const summary = ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    expect(summary).toMatchObject({ customers: 2, items: 2, accountsAdded: [], accountsMissing: ['Main shard'] });
    expect(b.core.business.get()).toEqual(a.core.business.get());
    // On disk too, after a restart.
    await b.core.shutdown();
    const again = await startCore(b.dir);
    cleanups.push(() => again.core.shutdown());
    expect(again.core.business.get()).toEqual(a.core.business.get());
  });

  it('links items to the account here with the same vendor and name, and replaces the data that was here', async () => {
    const a = await filled();
    const content = ok(await a.call('userdata:export', { includeKeys: false, passphrase: null })).content;
    const b = await computer();
    const here = ok(
      await b.call('accounts:add', { vendor: 'proxyshard', label: 'main SHARD', credentials: { apiKey: KEY } }),
    );
    const old = businessFor(here.id);
    old.customers = [{ ...old.customers[0]!, name: 'Ana (old)' }];
    old.items = [old.items[0]!];
    b.core.business.replace(old, 'test');
    const preview = ok(await b.call('userdata:importPreview', { content, passphrase: null }));
    expect(preview.accounts[0]).toMatchObject({ status: 'matched', localLabel: 'main SHARD' });
    expect(preview.customers).toMatchObject({ added: 1, replaced: 1, unchanged: 0, removed: 0 });
    expect(preview.items).toMatchObject({ added: 1, replaced: 0, unchanged: 1 });
    ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    const now = b.core.business.get();
    expect(now.items.map((i) => i.item.accountId)).toEqual([here.id, here.id]);
    expect(now.customers.find((c) => c.id === CUST_A)?.name).toBe('Ana');
    // What was here is in the backup made just before.
    const backups = ok(await b.call('backups:list'));
    const before = JSON.parse(readFileSync(join(b.dir, 'backups', backups[0]!.name), 'utf8'));
    expect(before.customers[0].name).toBe('Ana (old)');
  });

  it('applies the settings of the file', async () => {
    const a = await filled();
    ok(await a.call('settings:update', { refreshIntervalMin: 90, language: 'zh-CN' }));
    const content = ok(await a.call('userdata:export', { includeKeys: false, passphrase: null })).content;
    const b = await computer();
    const preview = ok(await b.call('userdata:importPreview', { content, passphrase: null }));
    expect(preview.settingsChanged).toBe(true);
    expect(ok(await b.call('userdata:importApply', { previewId: preview.previewId })).settingsApplied).toBe(true);
    expect(b.core.store.settings()).toMatchObject({ refreshIntervalMin: 90, language: 'zh-CN' });
  });

  it('uses a preview once, and only for 10 minutes', async () => {
    const clock = movableClock();
    const a = await filled(clock.now);
    const content = ok(await a.call('userdata:export', { includeKeys: false, passphrase: null })).content;
    const b = await computer(clock.now);
    const first = ok(await b.call('userdata:importPreview', { content, passphrase: null }));
    ok(await b.call('userdata:importApply', { previewId: first.previewId }));
    const twice = await b.call('userdata:importApply', { previewId: first.previewId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const late = ok(await b.call('userdata:importPreview', { content, passphrase: null }));
    expect(new Date(late.expiresAt).getTime() - clock.now().getTime()).toBe(10 * 60_000);
    clock.advance(10 * 60_000 + 1);
    const expired = await b.call('userdata:importApply', { previewId: late.previewId });
    expect(expired).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!expired.ok) expect(expired.error.message).toMatch(/Choose the file again/);
  });

  it('refuses other files, newer versions and damaged exports in plain words, changing nothing', async () => {
    const a = await filled();
    const good = JSON.parse(ok(await a.call('userdata:export', { includeKeys: false, passphrase: null })).content);
    const cases: [string, string, RegExp][] = [
      ['not JSON', 'id,customer\n1.2.3.4,Ana', /not a Proxydeck export/],
      ['another format', JSON.stringify({ ...good, format: 'something-else' }), /not a Proxydeck export/],
      ['a newer version', JSON.stringify({ ...good, version: 2 }), /newer version of Proxydeck/],
      ['an unknown field', JSON.stringify({ ...good, extra: 1 }), /damaged or was changed/],
      [
        'a price in fractions of a cent',
        JSON.stringify({
          ...good,
          business: {
            ...good.business,
            items: [{ ...good.business.items[0], price: { minor: 1.5, currency: 'USD' } }],
          },
        }),
        /damaged or was changed.*business\.items\.0\.price/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const r = await a.call('userdata:importPreview', { content, passphrase: null });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(message);
    }
    expect(a.core.business.get().customers).toHaveLength(2);
  });
});

describe('an older export (version 0)', () => {
  /** The first shape: business data at the top level, items without `keep`, no rates, no app version. */
  function v0(accountId: string): string {
    const b = businessFor(accountId);
    return JSON.stringify({
      format: 'proxydeck-export',
      version: 0,
      exportedAt: '2026-02-01T09:00:00.000Z',
      settings: {
        refreshIntervalMin: 45,
        expiryWindowDays: 7,
        reminderDays: [7, 1],
        lowBalanceUsd: 5,
        theme: 'dark',
        language: 'en',
      },
      accounts: [{ id: accountId, vendor: 'proxyshard', label: 'Old shard', demo: false }],
      customers: b.customers,
      items: b.items.map(({ keep: _keep, ...rest }) => rest),
      secrets: null,
    });
  }

  it('is brought up to date and imported: items not kept, no rates, settings filled with defaults', async () => {
    const b = await computer();
    const here = ok(
      await b.call('accounts:add', { vendor: 'proxyshard', label: 'Old shard', credentials: { apiKey: KEY } }),
    );
    const preview = ok(
      await b.call('userdata:importPreview', { content: v0('44444444-4444-4444-8444-444444444444'), passphrase: null }),
    );
    expect(preview).toMatchObject({ fileVersion: 0, migrated: true, appVersion: 'unknown', settingsChanged: true });
    expect(preview.accounts[0]).toMatchObject({ status: 'matched', localLabel: 'Old shard', items: 2 });
    ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    const data = b.core.business.get();
    expect(data.customers.map((c) => c.name)).toEqual(['Ana', 'Bo']);
    expect(data.items.map((i) => [i.item.accountId, i.keep])).toEqual([
      [here.id, false],
      [here.id, false],
    ]);
    expect(data.rates).toBeNull();
    expect(b.core.store.settings()).toMatchObject({
      refreshIntervalMin: 45,
      theme: 'dark',
      connection: { mode: 'direct' },
    });
  });

  it('is refused when its own shape is broken', async () => {
    const b = await computer();
    const broken = JSON.parse(v0('44444444-4444-4444-8444-444444444444'));
    broken.rates = null; // version 0 had no rates: a file with them is not a version 0 file
    const r = await b.call('userdata:importPreview', { content: JSON.stringify(broken), passphrase: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
