import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/core/errors';
import { isSealed, newDataKey, open, seal } from '../../main/core/secrets/password-box';
import { PasswordCodec } from '../../main/core/secrets/snapshot-codec';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import type { AccountSnapshot, ProxyEndpoint } from '../../preload/contract/model';

const ACC = '3f0e4a4e-0000-4000-8000-000000000001';
const proxy = (id: string, password: string | null): ProxyEndpoint => ({
  id,
  ip: `10.0.0.${id}`,
  host: null,
  httpPort: 8080,
  socksPort: null,
  protocol: 'http',
  username: 'u',
  password,
  country: null,
  kind: 'isp',
  expiresAt: null,
  orderId: null,
  status: 'active',
  autoRenew: null,
});
const snap = (): AccountSnapshot => ({
  accountId: ACC,
  fetchedAt: '2026-11-23T12:00:00.000Z',
  balance: null,
  orders: [{ id: 'o1', details: { proxy_password: 'order-secret', note: 'hi' } } as never],
  proxies: [proxy('1', 'p@ss wörd'), proxy('2', null), proxy('3', 'second')],
  whitelist: [],
  subUsers: [],
  servers: [],
  traffic: [],
  errors: {},
});
const unavailable = () => {
  throw new AppFailure('keychain_unavailable', 'No system keychain was found.');
};

describe('password-box (AES-256-GCM)', () => {
  it('seals and opens; a wrong key, another place or a tampered value does not open', () => {
    const key = newDataKey();
    const sealed = seal(key, 'secret', 'acc|proxy:1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('secret');
    expect(open(key, sealed, 'acc|proxy:1')).toBe('secret');
    expect(open(newDataKey(), sealed, 'acc|proxy:1')).toBeNull();
    expect(open(key, sealed, 'acc|proxy:2')).toBeNull();
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(open(key, tampered, 'acc|proxy:1')).toBeNull();
    expect(seal(key, 'secret', 'a')).not.toBe(seal(key, 'secret', 'a')); // a fresh IV each time
  });
});

describe('PasswordCodec', () => {
  it('with a keychain key: the disk copy holds no password; it opens back; the key is in the keychain only', async () => {
    const vault = new MemoryVault();
    const codec = new PasswordCodec();
    expect(await codec.init(vault)).toBe(true);
    const disk = codec.seal(snap());
    const text = JSON.stringify(disk);
    for (const secret of ['p@ss wörd', 'second', 'order-secret']) expect(text).not.toContain(secret);
    expect(disk.proxies[1]!.password).toBeNull();
    expect(disk.orders[0]!.details.note).toBe('hi');
    // A new process with the same keychain opens it.
    const again = new PasswordCodec();
    await again.init(vault);
    const back = again.open(structuredClone(disk));
    expect(back.proxies.map((p) => p.password)).toEqual(['p@ss wörd', null, 'second']);
    expect(back.orders[0]!.details.proxy_password).toBe('order-secret');
    expect(back.proxies.some((p) => p.passwordWithheld)).toBe(false);
    // Saving what was read again re-seals it (never plaintext).
    expect(JSON.stringify(again.seal(back))).not.toContain('second');
  });

  it('a copied data folder without the keychain reveals no password: withheld, "refresh to reveal"', async () => {
    const codec = new PasswordCodec();
    await codec.init(new MemoryVault());
    const disk = codec.seal(snap());
    const elsewhere = new PasswordCodec();
    expect(await elsewhere.init({ getDataKey: async () => unavailable(), setDataKey: async () => unavailable() })).toBe(
      false,
    );
    const read = elsewhere.open(structuredClone(disk));
    expect(read.proxies.map((p) => [p.password, p.passwordWithheld ?? false])).toEqual([
      [null, true],
      [null, false],
      [null, true],
    ]);
    expect(read.orders[0]!.details.proxy_password).toBeUndefined();
    // Another keychain (another key) does not open it either.
    const other = new PasswordCodec();
    await other.init(new MemoryVault());
    expect(other.open(structuredClone(disk)).proxies[0]!.password).toBeNull();
  });

  it('without a keychain: passwords never reach the disk, stay in memory for this run, and are withheld after a restart', async () => {
    const none = { getDataKey: async () => unavailable(), setDataKey: async () => unavailable() };
    const codec = new PasswordCodec();
    await codec.init(none);
    const disk = codec.seal(snap());
    expect(JSON.stringify(disk)).not.toContain('p@ss');
    expect(disk.proxies[0]).toMatchObject({ password: null, passwordWithheld: true });
    expect(codec.open(structuredClone(disk)).proxies[0]!.password).toBe('p@ss wörd');
    const restarted = new PasswordCodec();
    await restarted.init(none);
    expect(restarted.open(structuredClone(disk)).proxies[0]).toMatchObject({ password: null, passwordWithheld: true });
  });

  it('plain passwords in a file written before encryption are read, and sealed when saved again', async () => {
    const codec = new PasswordCodec();
    await codec.init(new MemoryVault());
    const legacy = snap();
    expect(codec.open(structuredClone(legacy)).proxies[0]!.password).toBe('p@ss wörd');
    expect(JSON.stringify(codec.seal(codec.open(legacy)))).not.toContain('p@ss');
  });
});
