/**
 * An export with the API keys (issue 16 §5), against the real keychain (scripts/with-keyring.sh): the keys
 * and the proxy password travel sealed with the passphrase, never in clear in the file, an answer or the
 * log; a wrong passphrase is one plain error and nothing is imported; the right one puts the accounts and
 * their keys in the keychain of the other computer, through the accounts service.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KeytarVault } from '../../main/core/vault/keytar-vault';
import { PROXY_PASSWORD_ACCOUNT } from '../../main/core/vault/vault';
import { leaksIn } from '../helpers/key-spellings';
import { tempDir } from '../helpers/tmp';
import { businessFor, ok, startCore, type TestCore } from '../helpers/userdata-fixtures';

const SERVICE_A = `Proxydeck-test-${randomUUID().slice(0, 8)}`;
const SERVICE_B = `Proxydeck-test-${randomUUID().slice(0, 8)}`;
const SHARD_KEY = "ps-k~!'()*+=:@$éß/?#&%Key9";
const THOR = { token: 'thor-tok-😀漢字-0001', key: 'thor-key-"\\q<>{}-0002' };
const PROXY_PASSWORD = 'proxy-Pa55-代理-word';
const PASSPHRASE = 'correct horse battery staple';
const SECRETS = [SHARD_KEY, THOR.token, THOR.key, PROXY_PASSWORD, PASSPHRASE];
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  for (const s of [SERVICE_A, SERVICE_B])
    for (const c of await keytar.findCredentials(s)) await keytar.deletePassword(s, c.account);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function computer(service: string): Promise<TestCore & { dir: string }> {
  const t = tempDir('pd-userdata-keys-');
  const c = await startCore(t.dir, { vault: new KeytarVault(undefined, service), log: true });
  cleanups.push(t.cleanup, () => c.core.shutdown());
  return { ...c, dir: t.dir };
}

async function exported() {
  const a = await computer(SERVICE_A);
  const shard = ok(
    await a.call('accounts:add', { vendor: 'proxyshard', label: 'Shard', credentials: { apiKey: SHARD_KEY } }),
  );
  const thor = ok(await a.call('accounts:add', { vendor: 'thordata', label: 'Thor', credentials: THOR }));
  ok(
    await a.call('settings:update', {
      connection: { mode: 'proxy', proxy: { protocol: 'socks5', host: '10.0.0.2', port: 1080, username: 'me' } },
    }),
  );
  ok(await a.call('settings:setProxyPassword', { password: PROXY_PASSWORD }));
  const data = businessFor(shard.id);
  data.items.push({ ...data.items[1]!, item: { accountId: thor.id, kind: 'order', id: 'ord-1' }, vendor: 'thordata' });
  a.core.business.replace(data, 'test');
  const out = ok(await a.call('userdata:export', { includeKeys: true, passphrase: PASSPHRASE }));
  return { a, out, shard, thor };
}

describe('an export with keys', () => {
  it('needs a session bus with a keyring (run through scripts/with-keyring.sh)', () => {
    expect(hasBus).toBe(true);
  });

  it('seals the keys and the proxy password: no spelling of them in the file', async () => {
    const { out } = await exported();
    expect(out.keys).toBe(2);
    expect(out.fileName).toMatch(/-with-keys\.json$/);
    const file = JSON.parse(out.content);
    expect(file.secrets.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(file.secrets.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(file.secrets.iv, 'base64')).toHaveLength(12);
    expect(leaksIn(out.content, SECRETS)).toEqual([]);
  });

  it('a wrong passphrase: one plain error, and nothing is imported', async () => {
    const { out } = await exported();
    const b = await computer(SERVICE_B);
    const r = await b.call('userdata:importPreview', { content: out.content, passphrase: 'not the right passphrase' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'That passphrase does not open this file. Nothing was imported.',
        field: 'passphrase',
      },
    });
    expect(b.core.business.get().customers).toEqual([]);
    expect(b.core.accounts.list()).toEqual([]);
    expect(await b.vault.list()).toEqual([]);
    expect(await keytar.getPassword(SERVICE_B, PROXY_PASSWORD_ACCOUNT)).toBeNull();
  });

  it('without a passphrase: the keys stay locked, the rest can be imported', async () => {
    const { out } = await exported();
    const b = await computer(SERVICE_B);
    const preview = ok(await b.call('userdata:importPreview', { content: out.content, passphrase: null }));
    expect(preview.keys).toBe('locked');
    expect(preview.accounts.map((a) => a.status)).toEqual(['missing', 'missing']);
    const summary = ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    expect(summary.accountsMissing).toEqual(['Shard', 'Thor']);
    expect(b.core.business.get().items).toHaveLength(3);
    expect(await b.vault.list()).toEqual([]);
    expect(await keytar.getPassword(SERVICE_B, PROXY_PASSWORD_ACCOUNT)).toBeNull();
  });

  it('the right passphrase: accounts and keys land in the keychain, items are linked, nothing leaks', async () => {
    const { a, out, shard } = await exported();
    const b = await computer(SERVICE_B);
    const preview = ok(await b.call('userdata:importPreview', { content: out.content, passphrase: PASSPHRASE }));
    expect(preview).toMatchObject({ keys: 'opened', proxyPassword: true, settingsChanged: true });
    expect(preview.accounts.map((x) => [x.label, x.status, x.items])).toEqual([
      ['Shard', 'new', 2],
      ['Thor', 'new', 1],
    ]);
    const summary = ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    expect(summary).toMatchObject({ accountsAdded: ['Shard', 'Thor'], accountsFailed: [], proxyPassword: true });

    const [bShard, bThor] = b.core.accounts.list();
    expect(bShard!.id).not.toBe(shard.id); // added through the accounts service: an id of this computer
    expect(await b.vault.get(bShard!.id)).toEqual({ apiKey: SHARD_KEY });
    expect(await b.vault.get(bThor!.id)).toEqual(THOR);
    expect(JSON.parse((await keytar.getPassword(SERVICE_B, PROXY_PASSWORD_ACCOUNT)) ?? 'null')).toEqual({
      password: PROXY_PASSWORD,
    });
    expect(b.core.store.settings().connection).toEqual(a.core.store.settings().connection);
    const items = b.core.business.get().items;
    expect(items.map((i) => i.item.accountId)).toEqual([bShard!.id, bShard!.id, bThor!.id]);

    // Importing again: the accounts are matched now, nothing added twice.
    const again = ok(await b.call('userdata:importPreview', { content: out.content, passphrase: PASSPHRASE }));
    expect(again.accounts.map((x) => x.status)).toEqual(['matched', 'matched']);

    const everything = [
      ...a.answers,
      ...b.answers,
      ...[a.dir, b.dir].flatMap((d) => filesUnder(d).map((f) => readFileSync(f, 'latin1'))),
    ].join('\n');
    expect(leaksIn(everything, SECRETS)).toEqual([]);
  });

  it('an account here with the same name of another vendor is a conflict: reported, not added', async () => {
    const { out } = await exported();
    const b = await computer(SERVICE_B);
    ok(await b.call('accounts:add', { vendor: 'thordata', label: 'shard', credentials: THOR }));
    const preview = ok(await b.call('userdata:importPreview', { content: out.content, passphrase: PASSPHRASE }));
    expect(preview.accounts.map((x) => [x.label, x.status])).toEqual([
      ['Shard', 'conflict'],
      ['Thor', 'new'],
    ]);
    const summary = ok(await b.call('userdata:importApply', { previewId: preview.previewId }));
    expect(summary.accountsFailed).toEqual([
      { label: 'Shard', message: 'Another account here is already named "shard".' },
    ]);
    expect(summary.accountsAdded).toEqual(['Thor']);
  });
});
