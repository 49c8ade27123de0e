import { afterEach, describe, expect, it } from 'vitest';
import { makeRedactor } from '../../main/vendors/http/redact';
import { setRedactedEverywhere } from '../../main/vendors/http/redact-everywhere';
import { configureRoute } from '../../main/vendors/http/route';

afterEach(() => configureRoute({ connection: { mode: 'direct' }, password: null }));

describe('redaction of proxy credentials', () => {
  it('masks the login of any proxy URL (http, https, socks5, socks5h), whoever the password is', () => {
    const r = makeRedactor([], { proxyUrls: true });
    expect(r('via socks5://bob:s3cr3t@10.0.0.2:1080 failed')).toBe('via socks5://***@10.0.0.2:1080 failed');
    expect(r('HTTPS_PROXY=http://a%40b:p%3Aw@proxy:3128/')).toBe('HTTPS_PROXY=http://***@proxy:3128/');
    expect(r('socks5h://u:@h:1 and https://x:y@h')).toBe('socks5h://***@h:1 and https://***@h');
    // Not a login: a URL without one, or an e-mail address, stays as it is.
    expect(r('see https://example.com/a@b and mail me@x.org')).toBe('see https://example.com/a@b and mail me@x.org');
    expect(r.clip(`${'x'.repeat(10)} http://u:longpassword@h`, 20)).not.toContain('longpassword');
  });

  it('redactors made without proxyUrls leave URL logins alone (vendor proxy lists are data)', () => {
    expect(makeRedactor([])('http://u:p@h')).toBe('http://u:p@h');
  });

  it('the proxy password is masked by every redactor, made before or after it was set, in any spelling', async () => {
    const early = makeRedactor(['vendor-key-1234']);
    await configureRoute({
      connection: { mode: 'proxy', proxy: { protocol: 'socks5', host: '10.0.0.2', port: 1080, username: 'u' } },
      password: 'Pr0xy Pass/€',
    });
    const late = makeRedactor([]);
    for (const r of [early, late]) {
      expect(r('password Pr0xy Pass/€ here')).toBe('password *** here');
      expect(r(`encoded ${encodeURIComponent('Pr0xy Pass/€')}`)).toBe('encoded ***');
      expect(r(`basic ${Buffer.from('u:Pr0xy Pass/€').toString('base64')}`)).not.toContain(
        Buffer.from('u:Pr0xy Pass/€').toString('base64'),
      );
    }
    expect(early('vendor-key-1234')).toBe('***');
    // A changed password: the old one stays masked too (it may still sit in a message).
    await configureRoute({ connection: { mode: 'direct' }, password: 'Another-0ne' });
    expect(late('Pr0xy Pass/€ Another-0ne')).toBe('*** ***');
    setRedactedEverywhere([]);
    expect(late('Another-0ne')).toBe('Another-0ne');
  });
});
