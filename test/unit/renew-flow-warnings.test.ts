import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n';
import { warningText } from '../../renderer/views/renew/AccountQuote';

/** Price-check notes come from main in English; in 简体中文 they are said by their code. */
describe('price-check notes in the UI language', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('a fixed note is fully Chinese; a note with specifics keeps them in brackets; English is untouched', () => {
    const fixed = {
      code: 'currency_assumed',
      message: 'BestProxy does not state the currency of order amounts; they are shown as US dollars.',
    };
    expect(warningText(fixed, 'zh-CN', zh)).toBe('BestProxy 未说明订单金额的币种；此处按美元显示。');
    const specific = {
      code: 'not_on_hold',
      message:
        'Order #7 is active. ProxyShard renews only on-hold orders; active ones renew automatically when auto-renewal is on.',
    };
    const text = warningText(specific, 'zh-CN', zh);
    expect(text).toMatch(/^服务商只在订单进入保留状态后才为其续费/);
    expect(text).toContain('Order #7 is active.');
    expect(warningText(specific, 'en', en)).toBe(specific.message);
  });

  it('an unknown code shows main’s words as they are', () => {
    expect(warningText({ code: 'something_new', message: 'New note.' }, 'zh-CN', zh)).toBe('New note.');
  });
});
