import { describe, expect, it } from 'vitest';
import { type AppError, ERROR_CODES } from '../../preload/contract/errors';
import { en } from '../../renderer/i18n/en';
import { errorsEn } from '../../renderer/i18n/errors.en';
import { errorsZhCN } from '../../renderer/i18n/errors.zh-CN';
import { formsPlusEn } from '../../renderer/i18n/forms-plus.en';
import { formsPlusZhCN } from '../../renderer/i18n/forms-plus.zh-CN';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { connectionText, errorText, keychainText, noticeText, type Translate } from '../../renderer/lib/error-text';

/** A minimal i18next-like `t` over one catalog: dotted keys and {{name}} interpolation. */
function makeT(catalog: object): Translate {
  return (key, options) => {
    let v: unknown = catalog;
    for (const part of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
    if (typeof v !== 'string') return key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  };
}

const tEn = makeT({ ...en, ...errorsEn, ...formsPlusEn });
const tZh = makeT({ ...zhCN, ...errorsZhCN, ...formsPlusZhCN });
const CJK = /[\u4e00-\u9fff]/;

describe('error catalogs', () => {
  it('has a non-empty Chinese and English sentence for every ErrorCode', () => {
    for (const code of ERROR_CODES) {
      expect(errorsZhCN.errorText.codes[code], code).toMatch(CJK);
      expect(errorsEn.errorText.codes[code].trim(), code).not.toBe('');
    }
    expect(Object.keys(errorsZhCN.errorText.codes).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe('errorText', () => {
  const duplicate: AppError = {
    code: 'duplicate_label',
    message: 'You already have an account named "Main". Choose another name.',
    field: 'label',
  };

  it('returns main’s message unchanged in English', () => {
    for (const code of ERROR_CODES) {
      const error: AppError = { code, message: `Specific words for ${code}.` };
      expect(errorText(error, 'en', tEn)).toBe(error.message);
    }
    expect(errorText(duplicate, 'en', tEn)).toBe(duplicate.message);
  });

  it('returns the Chinese sentence with the English detail in zh-CN', () => {
    expect(errorText(duplicate, 'zh-CN', tZh)).toBe(
      `${errorsZhCN.errorText.codes.duplicate_label}（详情：You already have an account named "Main". Choose another name.）`,
    );
    const vendor: AppError = { code: 'vendor_rejected', message: 'Thordata refused the request: plan expired' };
    // Issue 11 point 10: main's known sentence is said whole in Chinese; the vendor's own words stay, in brackets.
    expect(errorText(vendor, 'zh-CN', tZh)).toBe('Thordata 拒绝了此请求（Thordata 的原话：plan expired）');
    const odd: AppError = { code: 'vendor_rejected', message: 'A sentence Proxydeck does not know.' };
    expect(errorText(odd, 'zh-CN', tZh)).toBe(
      `${errorsZhCN.errorText.codes.vendor_rejected}（详情：A sentence Proxydeck does not know.）`,
    );
  });

  it('omits the detail for codes whose messages are generic', () => {
    const internal: AppError = {
      code: 'internal',
      message: 'Something went wrong inside Proxydeck. Try again; if it keeps happening, restart the app.',
    };
    expect(errorText(internal, 'zh-CN', tZh)).toBe(errorsZhCN.errorText.codes.internal);
  });

  it('translates the renderer transport errors fully', () => {
    const error: AppError = { code: 'network', message: en.transport.network };
    expect(errorText(error, 'zh-CN', tZh)).toBe(zhCN.transport.network);
    expect(errorText(error, 'en', tEn)).toBe(en.transport.network);
  });

  it('says an unknown code or no code in Chinese, with main’s message as the detail (issue 11 point 10)', () => {
    const odd = { code: 'something_new', message: 'A new kind of failure.' } as unknown as AppError;
    expect(errorText(odd, 'zh-CN', tZh)).toBe('出现了问题。（详情：A new kind of failure.）');
    expect(errorText({ code: undefined, message: 'No code.' }, 'zh-CN', tZh)).toBe('出现了问题。（详情：No code.）');
  });

  it('localizes the keychain banner and notices with the English detail', () => {
    expect(keychainText('Your system keychain is locked.', 'en', tEn)).toBe('Your system keychain is locked.');
    expect(keychainText('Your system keychain is locked.', 'zh-CN', tZh)).toBe(
      `${errorsZhCN.errorText.keychain}（详情：Your system keychain is locked.）`,
    );
    expect(keychainText(null, 'zh-CN', tZh)).toBeNull();
    expect(noticeText('Kept as settings.bad.json.', 'zh-CN', tZh)).toBe(
      `${errorsZhCN.errorText.notice}（详情：Kept as settings.bad.json.）`,
    );
    expect(noticeText('Kept as settings.bad.json.', 'en', tEn)).toBe('Kept as settings.bad.json.');
  });
});

describe('connectionText', () => {
  it('shows main’s own sentence in English', () => {
    const check = { ok: true, message: 'Connected. Balance $12.30.', balance: { minor: 1230, currency: 'USD' } };
    expect(connectionText(check, 'en', tEn)).toBe('Connected. Balance $12.30.');
  });

  it('rebuilds a success from its figures in zh-CN', () => {
    const balance = connectionText(
      { ok: true, message: 'Connected. Balance $12.30.', balance: { minor: 1230, currency: 'USD' } },
      'zh-CN',
      tZh,
    );
    expect(balance).toMatch(/^已连接。余额 .*12\.30。$/);
    expect(balance).not.toMatch(/Connected/);
    const traffic = connectionText(
      {
        ok: true,
        message: 'Connected. 2.0 GB of residential traffic left (…)',
        balance: null,
        trafficLeftBytes: 2 * 1024 ** 3,
      },
      'zh-CN',
      tZh,
    );
    expect(traffic).toBe('已连接。剩余住宅流量 2 GB。');
    expect(connectionText({ ok: true, message: 'Connected.', balance: null }, 'zh-CN', tZh)).toBe('已连接。');
  });

  it('says a failure through its error code in zh-CN, with the vendor’s words as detail', () => {
    const check = { ok: false, code: 'invalid_credentials', message: 'ProxyShard did not accept the API key.' };
    expect(connectionText(check, 'zh-CN', tZh)).toBe(
      `${errorsZhCN.errorText.codes.invalid_credentials}（详情：ProxyShard did not accept the API key.）`,
    );
    expect(connectionText(check, 'en', tEn)).toBe('ProxyShard did not accept the API key.');
  });
});
