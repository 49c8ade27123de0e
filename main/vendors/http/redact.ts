export type Redactor = (text: string) => string;

const MASK = '***';

/**
 * Returns a function that replaces every secret (and its URL-encoded form) with ***.
 * Secrets shorter than 4 characters are ignored: masking them would shred ordinary text.
 */
export function makeRedactor(secrets: readonly string[]): Redactor {
  const needles = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    needles.add(s);
    needles.add(encodeURIComponent(s));
  }
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const n of ordered) out = out.split(n).join(MASK);
    return out;
  };
}
