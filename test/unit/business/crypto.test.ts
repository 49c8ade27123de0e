/** The passphrase seal of an export's keys (userdata-crypto.ts): scrypt + AES-256-GCM, parameters in the file. */
import { describe, expect, it } from 'vitest';
import { open, SealedSchema, seal } from '../../../main/core/business/userdata-crypto';

const PASS = 'a long passphrase 密码';
const PLAIN = JSON.stringify({ accounts: { x: { apiKey: 'k-😀-"quoted"' } }, proxyPassword: null });

describe('sealing with a passphrase', () => {
  it('round-trips, with the KDF parameters, a 16-byte salt and a 12-byte IV in the sealed record', async () => {
    const s = await seal(PLAIN, PASS);
    expect(SealedSchema.parse(s)).toEqual(s);
    expect(s.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(s.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(s.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(s.tag, 'base64')).toHaveLength(16);
    expect(await open(s, PASS)).toBe(PLAIN);
  });

  it('uses a new salt and IV each time', async () => {
    const [a, b] = [await seal(PLAIN, PASS), await seal(PLAIN, PASS)];
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('opens a file sealed with stronger parameters (they travel in the file)', async () => {
    const s = await seal(PLAIN, PASS, { N: 2 ** 16, r: 8, p: 2 });
    expect(await open(SealedSchema.parse(s), PASS)).toBe(PLAIN);
  });

  it('a wrong passphrase, or a changed byte, is the one plain error', async () => {
    const s = await seal(PLAIN, PASS);
    const wrong = 'That passphrase does not open this file. Nothing was imported.';
    await expect(open(s, `${PASS}!`)).rejects.toMatchObject({ code: 'invalid_argument', message: wrong });
    const data = Buffer.from(s.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    await expect(open({ ...s, data: data.toString('base64') }, PASS)).rejects.toMatchObject({ message: wrong });
    const tag = Buffer.from(s.tag, 'base64');
    tag[3] = (tag[3] ?? 0) ^ 1;
    await expect(open({ ...s, tag: tag.toString('base64') }, PASS)).rejects.toMatchObject({ message: wrong });
  });

  it('treats the passphrase as text: the same characters in another Unicode form open it', async () => {
    const s = await seal(PLAIN, 'passphrase-café-1');
    expect(await open(s, 'passphrase-cafe\u0301-1')).toBe(PLAIN);
  });

  it('refuses a passphrase under 10 characters', async () => {
    await expect(seal(PLAIN, 'short')).rejects.toMatchObject({ code: 'invalid_argument', field: 'passphrase' });
  });

  it('refuses parameters a hostile file could use to stall the app, and weak ones', async () => {
    const s = await seal(PLAIN, PASS);
    for (const kdf of [
      { ...s.kdf, N: 2 ** 24 },
      { ...s.kdf, N: 2 ** 10 },
      { ...s.kdf, N: 30000 },
      { ...s.kdf, r: 1 },
      { ...s.kdf, p: 64 },
      { ...s.kdf, N: 2 ** 20, r: 8 }, // 1 GiB of memory
      { ...s.kdf, N: 2 ** 18, r: 8, p: 16 }, // too long to compute
    ])
      expect(SealedSchema.safeParse({ ...s, kdf }).success, JSON.stringify(kdf)).toBe(false);
  });
});
