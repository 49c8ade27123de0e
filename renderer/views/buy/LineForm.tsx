import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseCatalog, PurchaseOptionField } from '../../../preload/contract/purchases';
import { describedBy, Field } from '../../components/Field';
import { formatMoney } from '../../lib/format';
import { draftFor, fieldsFor, type LineDraft, type LineProblem } from './catalog';

/** The fields of one line: product, location (with stock), cycle, quantity, the vendor's options, promo code. */
export function LineForm({
  catalog,
  draft,
  problems,
  showErrors,
  onChange,
}: {
  catalog: PurchaseCatalog;
  draft: LineDraft;
  problems: LineProblem[];
  showErrors: boolean;
  onChange: (d: LineDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const base = useId();
  const product = catalog.products.find((p) => p.id === draft.productId);
  const errorOf = (field: string): string | null => {
    if (!showErrors) return null;
    const p = problems.find((x) => x.field === field);
    if (!p || !product) return p ? t('buy.form.error.product') : null;
    const { min, max, step, unit } = product.quantity;
    return t(`buy.form.error.${p.key}`, {
      min: unitText(t, min, unit),
      max: unitText(t, max, unit),
      step: unitText(t, step, unit),
    });
  };
  const set = (patch: Partial<LineDraft>) => onChange({ ...draft, ...patch });
  const id = (k: string) => `${base}-${k}`;
  const productError = errorOf('product');
  const locationError = errorOf('location');
  const quantityError = errorOf('quantity');

  return (
    <div className="form-grid" data-testid="buy-line-form">
      <Field
        id={id('product')}
        label={t('buy.form.product')}
        help={product?.description ?? product?.unavailable ?? undefined}
        error={productError}
      >
        <select
          id={id('product')}
          className="input"
          value={draft.productId}
          aria-invalid={productError ? true : undefined}
          aria-describedby={describedBy(id('product'), !!(product?.description ?? product?.unavailable), productError)}
          onChange={(e) =>
            onChange(
              draftFor(
                catalog.products.find((p) => p.id === e.target.value),
                draft,
              ),
            )
          }
        >
          <option value="">{t('buy.form.chooseProduct')}</option>
          {catalog.products.map((p) => (
            <option key={p.id} value={p.id} disabled={!!p.unavailable}>
              {p.label}
              {p.unitPrice ? ` — ${t('buy.form.from', { price: formatMoney(p.unitPrice, lang) })}` : ''}
              {p.unavailable ? ` — ${t('buy.form.unavailable')}` : ''}
            </option>
          ))}
        </select>
      </Field>
      {product && product.locations.length > 0 ? (
        <Field
          id={id('location')}
          label={product.locationRequired ? t('buy.form.locationRequired') : t('buy.form.location')}
          error={locationError}
        >
          <select
            id={id('location')}
            className="input"
            value={draft.location}
            required={product.locationRequired}
            aria-invalid={locationError ? true : undefined}
            aria-describedby={describedBy(id('location'), false, locationError)}
            onChange={(e) => set({ location: e.target.value })}
          >
            <option value="">
              {product.locationRequired ? t('buy.form.chooseLocation') : t('buy.form.anyLocation')}
            </option>
            {product.locations.map((l) => (
              <option key={l.code} value={l.code} disabled={l.stock === 0}>
                {l.label}
                {l.stock === null
                  ? ''
                  : l.stock === 0
                    ? ` — ${t('buy.form.outOfStock')}`
                    : ` — ${t('buy.form.stock', { count: l.stock })}`}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {product && product.cycles.length > 0 ? (
        <Field id={id('cycle')} label={t('buy.form.cycle')} error={errorOf('cycle')}>
          <select
            id={id('cycle')}
            className="input"
            value={draft.cycleId}
            onChange={(e) => set({ cycleId: e.target.value })}
          >
            {product.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {product ? (
        <Field
          id={id('quantity')}
          label={t('buy.form.quantity', { unit: t(`buy.unitName.${product.quantity.unit}`) })}
          help={t('buy.form.quantityHelp', {
            min: unitText(t, product.quantity.min, product.quantity.unit),
            max: unitText(t, product.quantity.max, product.quantity.unit),
          })}
          error={quantityError}
        >
          <input
            id={id('quantity')}
            className="input input-narrow"
            type="number"
            inputMode="numeric"
            min={product.quantity.min}
            max={product.quantity.max}
            step={product.quantity.step}
            value={draft.quantity}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={describedBy(id('quantity'), true, quantityError)}
            onChange={(e) => set({ quantity: e.target.value })}
          />
        </Field>
      ) : null}
      {product
        ? fieldsFor(catalog, product.id).map((f) => (
            <OptionField
              key={f.key}
              id={id(`opt-${f.key}`)}
              field={f}
              value={draft.options[f.key] ?? ''}
              error={errorOf(`option:${f.key}`)}
              onChange={(v) => set({ options: { ...draft.options, [f.key]: v } })}
            />
          ))
        : null}
      {product && catalog.promoCodeAllowed ? (
        <Field
          id={id('promo')}
          label={t('buy.form.promo')}
          help={catalog.promoCodes?.length ? t('buy.form.promoHelpList') : t('buy.form.promoHelp')}
        >
          <input
            id={id('promo')}
            className="input input-narrow"
            list={catalog.promoCodes?.length ? id('promo-list') : undefined}
            value={draft.promoCode}
            maxLength={64}
            autoComplete="off"
            aria-describedby={`${id('promo')}-help`}
            onChange={(e) => set({ promoCode: e.target.value })}
          />
          {catalog.promoCodes?.length ? (
            <datalist id={id('promo-list')}>
              {catalog.promoCodes.map((c) => (
                <option key={c.code} value={c.code}>
                  {[c.discount, c.validUntil ? t('buy.form.promoUntil', { date: c.validUntil.slice(0, 10) }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </option>
              ))}
            </datalist>
          ) : null}
        </Field>
      ) : null}
    </div>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** "10 IPs" / "5 GB" / "1 package". */
export function unitText(t: T, n: number, unit: string): string {
  return t(`buy.unit.${unit}`, { count: n });
}

function OptionField({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: PurchaseOptionField;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const known = i18n.exists(`buy.option.${field.key}`);
  const name = known ? t(`buy.option.${field.key}`) : field.label;
  const label = field.required ? t('buy.form.requiredLabel', { label: name }) : name;
  const help = i18n.exists(`buy.optionHelp.${field.key}`) ? t(`buy.optionHelp.${field.key}`) : field.help;
  return (
    <Field id={id} label={label} help={help ?? undefined} error={error}>
      {field.choices ? (
        <select
          id={id}
          className="input"
          value={value}
          required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, !!help, error)}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{field.required ? t('buy.form.choose') : t('buy.form.none')}</option>
          {field.choices.map((c) => (
            <option key={c.value} value={c.value} disabled={c.disabled}>
              {c.label}
              {c.note ? ` — ${c.note}` : ''}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          value={value}
          required={field.required}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, !!help, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
