import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ItemRef } from '../../../preload/contract/business';
import { itemKey } from '../../../preload/contract/business';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { currencyDigits } from '../../lib/format';
import { type ItemPatch, useBusinessStore } from '../../stores/business';
import { priceText } from './model';
import { draftPrice, type PriceDraft, PriceInput } from './PriceInput';

const NO_CUSTOMERS: Customer[] = [];
const LEAVE = '__leave';
const NEW = '__new';
type PriceMode = 'leave' | 'default' | 'own';

/**
 * "Assign to customer…" for one item or a selection: the customer (or none, or a new one), a sell
 * price per month (or the customer's default) and the "Keep" mark (counts in the runway even with
 * auto-renew off). Only what the user changed is sent.
 */
export function AssignDialog({
  items,
  onClose,
  onDone,
}: {
  items: ItemRef[];
  onClose: () => void;
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const index = useBusinessStore((s) => s.index);
  const customers = useBusinessStore((s) => s.view?.customers ?? NO_CUSTOMERS);
  const updateItems = useBusinessStore((s) => s.updateItems);
  const saveCustomer = useBusinessStore((s) => s.saveCustomer);

  // What the items have now: one value when they all agree, else "leave each as it is".
  const now = useMemo(() => {
    const entries = items.map((r) => index.byItem.get(itemKey(r)));
    const same = <T,>(f: (e: (typeof entries)[number]) => T): T | undefined => {
      const first = f(entries[0]);
      return entries.every((e) => f(e) === first) ? first : undefined;
    };
    return {
      customer: same((e) => e?.customerId ?? ''),
      price: items.length === 1 ? (entries[0]?.price ?? null) : undefined,
      keep: same((e) => e?.keep ?? false),
    };
  }, [items, index]);

  const [customer, setCustomer] = useState<string>(now.customer ?? LEAVE);
  const [newName, setNewName] = useState('');
  const [mode, setMode] = useState<PriceMode>(now.price ? 'own' : 'leave');
  const firstCurrency = now.price?.currency ?? customers.find((c) => c.defaultPrice)?.defaultPrice?.currency ?? 'USD';
  const [draft, setDraft] = useState<PriceDraft>({
    amount: priceText(now.price ?? null, currencyDigits(firstCurrency)),
    currency: firstCurrency,
  });
  const [keep, setKeep] = useState<boolean | null>(now.keep ?? null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [priceError, setPriceError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const patch: ItemPatch = {};
    if (mode === 'own') {
      const p = draftPrice(draft);
      if (p === 'invalid' || p === null) {
        setPriceError(t('customers.price.invalid'));
        return;
      }
      patch.price = p;
    } else if (mode === 'default') patch.price = null;
    setPriceError(null);
    if (customer === NEW && newName.trim() === '') {
      setNameError(t('customers.editor.nameRequired'));
      return;
    }
    setNameError(null);
    if (keep !== null && keep !== now.keep) patch.keep = keep;
    setPending(true);
    setError(null);
    let customerId: string | null | undefined;
    if (customer === NEW) {
      const name = newName.trim();
      const before = new Set(customers.map((c) => c.id));
      const r = await saveCustomer({ name });
      if (!r.ok) {
        setPending(false);
        setError(errorText(r.error));
        return;
      }
      customerId = r.data.customers.find((c) => !before.has(c.id) && c.name === name)?.id;
    } else if (customer !== LEAVE) customerId = customer === '' ? null : customer;
    if (customerId !== undefined) patch.customerId = customerId;
    if (Object.keys(patch).length === 0) {
      setPending(false);
      onClose();
      return;
    }
    const r = await updateItems(items, patch);
    setPending(false);
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    onDone?.(t('customers.assign.done', { count: items.length }));
    onClose();
  };

  return (
    <Dialog title={t('customers.assign.title', { count: items.length })} onClose={onClose} busy={pending}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id={`${id}-c`} label={t('customers.assign.customer')} error={nameError}>
          <select id={`${id}-c`} className="input" value={customer} onChange={(e) => setCustomer(e.target.value)}>
            {now.customer === undefined ? <option value={LEAVE}>{t('customers.assign.leaveMixed')}</option> : null}
            <option value="">{t('customers.assign.noCustomer')}</option>
            {[...customers]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            <option value={NEW}>{t('customers.assign.newCustomer')}</option>
          </select>
        </Field>
        {customer === NEW ? (
          <Field id={`${id}-n`} label={t('customers.editor.name')}>
            <input
              id={`${id}-n`}
              className="input"
              value={newName}
              maxLength={120}
              onChange={(e) => setNewName(e.target.value)}
            />
          </Field>
        ) : null}
        <Field id={`${id}-pm`} label={t('customers.assign.price')} error={priceError}>
          <select id={`${id}-pm`} className="input" value={mode} onChange={(e) => setMode(e.target.value as PriceMode)}>
            <option value="leave">{t('customers.assign.priceLeave')}</option>
            <option value="default">{t('customers.assign.priceDefault')}</option>
            <option value="own">{t('customers.assign.priceOwn')}</option>
          </select>
        </Field>
        {mode === 'own' ? (
          <Field id={`${id}-p`} label={t('customers.price.amount')}>
            <PriceInput id={`${id}-p`} value={draft} onChange={setDraft} invalid={!!priceError} />
          </Field>
        ) : null}
        <label className="customers-check">
          <input
            type="checkbox"
            checked={keep === true}
            ref={(el) => {
              if (el) el.indeterminate = keep === null;
            }}
            onChange={(e) => setKeep(e.target.checked)}
          />
          {t('customers.assign.keep')}
        </label>
        <p className="field-help">{t('customers.assign.keepHelp')}</p>
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t('customers.assign.saving') : t('customers.assign.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
