/**
 * What every redactor (redact.ts) masks besides its own secrets: the proxy password (route.ts sets it,
 * process-wide because the proxy is; each redactor picks a change up on its next call), and, for
 * redactors made with `{ proxyUrls: true }`, the login part of any proxy URL.
 */

/** The secrets masked everywhere, and a counter that changes with them. */
export const everywhere: { secrets: readonly string[]; version: number } = { secrets: [], version: 0 };

export function setRedactedEverywhere(secrets: readonly string[]): void {
  everywhere.secrets = secrets.filter((s) => s.length > 0);
  everywhere.version++;
}

/**
 * The login part of a proxy URL (`socks5://user:pass@host`, `http://user:pass@host`), whoever the
 * password belongs to (a proxy from the environment, a proxy quoted in an error).
 */
const PROXY_URL_LOGIN = /\b(?:https?|socks[45]?h?):\/\/([^\s/@:]*:[^\s/@]*)@/gi;

/** The spans of `user:pass` in every proxy URL of a text. */
export function urlLoginSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(PROXY_URL_LOGIN)) {
    const login = m[1] as string;
    const start = (m.index as number) + m[0].length - 1 - login.length;
    spans.push([start, start + login.length]);
  }
  return spans;
}
