import type { Money } from '../../preload/contract/model';

/**
 * Money in the English sentences vendor clients write (connection checks, price warnings):
 * "$1,234.50" for USD, "1,234.50 EUR" otherwise. The renderer formats money per UI language itself.
 */
export function formatMoney(m: Money): string {
  const sign = m.minor < 0 ? '-' : '';
  const abs = Math.abs(m.minor);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return m.currency === 'USD' ? `${sign}$${whole}.${cents}` : `${sign}${whole}.${cents} ${m.currency}`;
}
