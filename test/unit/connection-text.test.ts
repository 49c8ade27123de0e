/**
 * The words of Settings → "Connect to vendors": en and zh-CN hold the same keys, every placeholder of
 * a sentence is filled, and each connection-test result says which route worked (or what to do) in
 * both languages, rebuilt from main's figures.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionTestItem } from '../../preload/contract/channels';
import { PROXY_FIELD_TEXT } from '../../preload/contract/schemas';
import { connectionEn } from '../../renderer/i18n/connection.en';
import { connectionZhCN } from '../../renderer/i18n/connection.zh-CN';
import type { Translate } from '../../renderer/lib/error-text';
import { fieldOfMessage, resultText } from '../../renderer/views/settings/connection-text';

function leaves(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
  }
  return out;
}

/** An i18next-like `t` over one catalog that fails on a missing key or an unfilled placeholder. */
function makeT(catalog: object): Translate {
  const all = leaves(catalog);
  return (key, options) => {
    const v = all[key];
    if (v === undefined) throw new Error(`missing key ${key}`);
    return v.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      if (options?.[name] === undefined) throw new Error(`unfilled {{${name}}} in ${key}`);
      return String(options[name]);
    });
  };
}
const tEn = makeT(connectionEn);
const tZh = makeT(connectionZhCN);

const item = (over: Partial<ConnectionTestItem>): ConnectionTestItem => ({
  vendor: 'thordata',
  origin: 'https://openapi.thordata.com',
  ok: true,
  route: { kind: 'proxy', source: 'settings', protocol: 'socks5', host: '10.0.0.2', port: 1080 },
  ms: 120,
  problem: null,
  message: '',
  ...over,
});

describe('connection resources', () => {
  it('en and zh-CN have the same keys and the same placeholders in each sentence', () => {
    const en = leaves(connectionEn);
    const zh = leaves(connectionZhCN);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(names(zh[key] as string), key).toEqual(names(en[key] as string));
    // zh-CN is really translated (only names and protocol words stay Latin).
    for (const [key, v] of Object.entries(zh)) {
      if (key.startsWith('connection.protocolName.')) continue;
      expect(
        v.replace(/\{\{\w+\}\}|HTTPS?_PROXY|HTTPS?|SOCKS5|Proxydeck|API|proxy\.example\.com|http:\/\//g, ''),
        key,
      ).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('every proxy field refusal of the contract has a translation', () => {
    for (const [field, message] of Object.entries(PROXY_FIELD_TEXT)) {
      expect(fieldOfMessage(message)).toBe(field);
      expect(tZh(`connection.field.${field}`)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('connection test results in words', () => {
  it('says which route worked', () => {
    expect(resultText(item({}), tEn)).toBe('Reached Thordata through the proxy 10.0.0.2:1080 (SOCKS5) in 120 ms.');
    expect(resultText(item({}), tZh)).toBe('已通过代理 10.0.0.2:1080（SOCKS5） 连通 Thordata，用时 120 毫秒。');
    expect(resultText(item({ route: { kind: 'direct', source: 'settings' }, ms: 45 }), tEn)).toBe(
      'Reached Thordata directly in 45 ms.',
    );
    expect(
      resultText(
        item({
          vendor: 'bestproxy',
          route: { kind: 'proxy', source: 'system', protocol: 'http', host: '::1', port: 3128 },
        }),
        tEn,
      ),
    ).toBe('Reached BestProxy through the system proxy [::1]:3128 (HTTP) in 120 ms.');
    expect(resultText(item({ route: { kind: 'direct', source: 'system' } }), tZh)).toMatch(
      /^已直接连通 Thordata（系统设置/,
    );
  });

  it('says what went wrong and what to do', () => {
    const down = item({ ok: false, problem: 'proxy_unreachable', reason: 'refused' });
    expect(resultText(down, tEn)).toBe(
      'Could not reach the proxy 10.0.0.2:1080 (SOCKS5): connection refused. Check the proxy address and port, and that the proxy is running.',
    );
    expect(resultText(down, tZh)).toBe(
      '无法连接代理 10.0.0.2:1080（SOCKS5）：连接被拒绝。请检查代理地址和端口，并确认代理正在运行。',
    );
    expect(resultText(item({ ok: false, problem: 'proxy_auth' }), tEn)).toBe(
      'The proxy 10.0.0.2:1080 (SOCKS5) refused the login. Check the user name and password.',
    );
    expect(resultText(item({ ok: false, problem: 'proxy_auth' }), tZh)).toMatch(/拒绝了登录。请检查用户名和密码/);
    expect(resultText(item({ ok: false, problem: 'system_unusable', route: null }), tZh)).toMatch(
      /^系统代理设置中没有/,
    );
    expect(
      resultText(
        item({
          ok: false,
          problem: 'vendor_unreachable',
          reason: 'not_found',
          route: { kind: 'direct', source: 'settings' },
        }),
        tEn,
      ),
    ).toBe(
      'Could not reach Thordata directly: no computer has that name. Check your internet connection, or choose a proxy.',
    );
    expect(resultText(item({ ok: false, problem: 'timeout', ms: 12_300 }), tEn)).toBe(
      'Thordata did not answer through the proxy 10.0.0.2:1080 (SOCKS5) within 12 seconds. Try again in a few minutes, or choose another way to connect.',
    );
  });
});
