import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionService } from '../../main/core/network/connection-service';
import { KeytarVault } from '../../main/core/vault/keytar-vault';
import { PROXY_PASSWORD_ACCOUNT } from '../../main/core/vault/vault';
import { configureRoute, routeConfig } from '../../main/vendors/http/route';
import type { ConnectionSettings } from '../../preload/contract/schemas';

const SERVICE = `Proxydeck-test-${randomUUID().slice(0, 8)}`;
const PASSWORD = 'kc-proxy-Pa55-代理';
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

describe('the proxy password in the real keychain', () => {
  const vault = new KeytarVault(undefined, SERVICE);
  afterAll(async () => {
    for (const c of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, c.account);
    await configureRoute({ connection: { mode: 'direct' }, password: null });
  });

  it('needs a session bus with a keyring (run through npm test)', () => {
    expect(hasBus, 'no DBUS_SESSION_BUS_ADDRESS: run via scripts/with-keyring.sh').toBe(true);
  });

  it('is kept under its own entry, is not an account, is read back at start, and is forgotten', async () => {
    const connection: ConnectionSettings = {
      mode: 'proxy',
      proxy: { protocol: 'socks5', host: '10.0.0.2', port: 1080, username: 'reseller' },
    };
    const deps = { vault, settings: () => connection, accounts: () => [], vendors: [] };
    const service = new ConnectionService(deps);
    await service.init();
    expect(await service.hasPassword()).toEqual({ hasPassword: false });
    expect(await service.setPassword(PASSWORD)).toEqual({ hasPassword: true });
    expect(JSON.parse((await keytar.getPassword(SERVICE, PROXY_PASSWORD_ACCOUNT)) ?? 'null')).toEqual({
      password: PASSWORD,
    });
    expect(await vault.list()).not.toContain(PROXY_PASSWORD_ACCOUNT);
    expect(routeConfig().password).toBe(PASSWORD);

    // A restart: a new service reads it from the keychain and puts it in force.
    await configureRoute({ connection: { mode: 'direct' }, password: null });
    const restarted = new ConnectionService(deps);
    await restarted.init();
    expect(await restarted.hasPassword()).toEqual({ hasPassword: true });
    expect(routeConfig()).toMatchObject({ connection, password: PASSWORD });

    expect(await restarted.setPassword(null)).toEqual({ hasPassword: false });
    expect(await keytar.getPassword(SERVICE, PROXY_PASSWORD_ACCOUNT)).toBeNull();
    expect(routeConfig().password).toBeNull();
  });
});
