/**
 * Seals the keys of an export with a passphrase the user types: scrypt (random 16-byte salt) derives a
 * 256-bit key, AES-256-GCM (random 12-byte IV) encrypts and authenticates. The KDF parameters travel in
 * the file, so a later version may make them stronger and still open older files; parameters outside sane
 * bounds (a hostile file asking for gigabytes of memory) are refused before any work is done.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { z } from 'zod';
import { MIN_PASSPHRASE, PASSPHRASE_TEXT } from '../../../preload/contract/userdata';
import { AppFailure } from '../errors';

export const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const isPowerOfTwo = (n: number) => n > 1 && (n & (n - 1)) === 0;

/** Bounds on what a file may ask for: scrypt needs 128·N·r bytes and time in proportion to N·r·p. */
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_WORK = 2 ** 23;

export const SealedSchema = z
  .object({
    kdf: z
      .object({
        name: z.literal('scrypt'),
        N: z
          .number()
          .int()
          .min(2 ** 14)
          .max(2 ** 20)
          .refine(isPowerOfTwo),
        r: z.number().int().min(8).max(32),
        p: z.number().int().min(1).max(16),
        salt: b64,
        keyLength: z.literal(32),
      })
      .strict()
      .refine((k) => 128 * k.N * k.r <= MAX_MEMORY && k.N * k.r * k.p <= MAX_WORK),
    cipher: z.literal('aes-256-gcm'),
    iv: b64,
    tag: b64,
    data: b64,
  })
  .strict();
export type Sealed = z.infer<typeof SealedSchema>;

/** Memory scrypt needs for these parameters (128·N·r), with room to spare (Node refuses above `maxmem`). */
const maxmem = (N: number, r: number) => 128 * N * r + 32 * 1024 * 1024;

function derive(passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: maxmem(N, r) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function checkPassphrase(passphrase: string | null): string {
  if (passphrase === null || [...passphrase].length < MIN_PASSPHRASE)
    throw new AppFailure('invalid_argument', PASSPHRASE_TEXT.short, 'passphrase');
  return passphrase;
}

/** Encrypts `plain` (UTF-8 text) with the passphrase. */
export async function seal(plain: string, passphrase: string, kdf: { N: number; r: number; p: number } = DEFAULT_KDF) {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await derive(passphrase, salt, kdf.N, kdf.r, kdf.p);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  key.fill(0);
  const sealed: Sealed = {
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64'), keyLength: 32 },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return sealed;
}

/** Decrypts what `seal` made; a wrong passphrase (or a changed file) fails the GCM check: one plain error. */
export async function open(sealed: Sealed, passphrase: string): Promise<string> {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16 || Buffer.from(sealed.kdf.salt, 'base64').length < 16)
    throw new AppFailure('invalid_argument', 'The keys in this file are damaged. Nothing was imported.');
  const key = await derive(
    passphrase,
    Buffer.from(sealed.kdf.salt, 'base64'),
    sealed.kdf.N,
    sealed.kdf.r,
    sealed.kdf.p,
  );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return plain.toString('utf8');
  } catch {
    throw new AppFailure('invalid_argument', PASSPHRASE_TEXT.wrong, 'passphrase');
  } finally {
    key.fill(0);
  }
}
