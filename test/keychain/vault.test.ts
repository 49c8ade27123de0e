import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { PasswordCodec } from '../../main/core/secrets/snapshot-codec';
import { KeytarVault } from '../../main/core/vault/keytar-vault';
import { DATA_KEY_ACCOUNT } from '../../main/core/vault/vault';

const run = promisify(execFile);
const SERVICE = `Proxydeck-test-${randomUUID().slice(0, 8)}`;

// These tests talk to a real Secret Service. `npm test` runs them inside `dbus-run-session` with an
// unlocked gnome-keyring (scripts/with-keyring.sh); run alone without it, they fail with this message.
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

describe('KeytarVault against the real keychain', () => {
  const vault = new KeytarVault(undefined, SERVICE);
  afterAll(async () => {
    for (const c of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, c.account);
  });

  it('needs a session bus with a keyring (run through npm test)', () => {
    expect(hasBus, 'no DBUS_SESSION_BUS_ADDRESS: run via scripts/with-keyring.sh').toBe(true);
  });

  it('round-trips credentials: one entry per account under the service name', async () => {
    const id = randomUUID();
    await vault.set(id, { token: 'tok-123456789', key: 'key-abcdefghij' });
    expect(await vault.get(id)).toEqual({ token: 'tok-123456789', key: 'key-abcdefghij' });
    // Stored under the service, account = id, as JSON: visible to the OS keychain tools.
    expect(JSON.parse((await keytar.getPassword(SERVICE, id)) ?? 'null')).toEqual({
      token: 'tok-123456789',
      key: 'key-abcdefghij',
    });
    expect(await vault.list()).toContain(id);
    await vault.set(id, { token: 'tok-2', key: 'key-2' });
    expect(await vault.get(id)).toEqual({ token: 'tok-2', key: 'key-2' });
    expect(await vault.delete(id)).toBe(true);
    expect(await vault.get(id)).toBeNull();
    expect(await vault.delete(id)).toBe(false);
    expect(await vault.list()).not.toContain(id);
  });

  it('keeps the data key of the password cache in the keychain, never listed as an account', async () => {
    expect(await vault.getDataKey()).toBeNull();
    const codec = new PasswordCodec();
    expect(await codec.init(vault)).toBe(true);
    const stored = await vault.getDataKey();
    expect(stored && Buffer.from(stored, 'base64')).toHaveLength(32);
    expect(await keytar.getPassword(SERVICE, DATA_KEY_ACCOUNT)).toBe(stored);
    expect(await vault.list()).not.toContain(DATA_KEY_ACCOUNT);
    // A second start uses the same key (it is not replaced).
    await new PasswordCodec().init(vault);
    expect(await vault.getDataKey()).toBe(stored);
  });

  it('reports itself available', async () => {
    expect(await vault.status()).toEqual({ available: true, message: null });
  });

  it('says plainly when no Secret Service can be reached, and does not crash', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/proxydeck-bus' };
    delete env.DISPLAY;
    const { stdout } = await run('npx', ['tsx', 'test/helpers/vault-probe.ts'], { env, timeout: 30_000 });
    const out = JSON.parse(stdout) as { status: { available: boolean; message: string }; setError: string };
    expect(out.status.available).toBe(false);
    expect(out.status.message).toMatch(/No system keychain was found/);
    expect(out.status.message).toMatch(/read-only/);
    expect(out.setError).toMatch(/^AppFailure: No system keychain was found/);
    expect(out.setError).not.toMatch(/dbus|D-Bus|org\.freedesktop/i); // no raw internals
  });
});
