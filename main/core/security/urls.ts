/**
 * Only plain https links (no credentials in them) may be handed to the system browser; everything
 * else (javascript:, file:, smb:, custom protocol handlers) is refused. Parsed, never prefix-matched.
 */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname.includes('.');
  } catch {
    return false;
  }
}
