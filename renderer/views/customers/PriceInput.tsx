import { useTranslation } from 'react-i18next';
import type { Money } from '../../../preload/contract/model';
import { currencyDigits } from '../../lib/format';
import { parsePrice } from './model';

export interface PriceDraft {
  amount: string;
  currency: string;
}

export const CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP', 'HKD', 'RUB'] as const;

/** The draft's price: null = empty, 'invalid' = not a price (the field says why). */
export function draftPrice(d: PriceDraft): Money | null | 'invalid' {
  const currency = d.currency.trim().toUpperCase();
  return parsePrice(d.amount, currency, currencyDigits(currency));
}

/** An amount per month and its currency, side by side. */
export function PriceInput({
  id,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  value: PriceDraft;
  onChange: (d: PriceDraft) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="input-with-button">
      <input
        id={id}
        className="input input-narrow"
        inputMode="decimal"
        value={value.amount}
        placeholder="0.00"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ ...value, amount: e.target.value })}
      />
      <input
        className="input input-narrow customers-currency"
        aria-label={t('customers.price.currency')}
        list={`${id}-currencies`}
        maxLength={3}
        value={value.currency}
        onChange={(e) => onChange({ ...value, currency: e.target.value.toUpperCase() })}
      />
      <datalist id={`${id}-currencies`}>
        {CURRENCIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <span className="muted small">{t('customers.price.perMonth')}</span>
    </div>
  );
}
