import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../preload/contract/business';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { currencyDigits } from '../../lib/format';
import { useBusinessStore } from '../../stores/business';
import { EXPORT_FORMAT_KEYS, fromTemplateId, toTemplateId } from './export-template';
import { customerSaveError, priceText } from './model';
import { draftPrice, type PriceDraft, PriceInput } from './PriceInput';

/** New / Edit customer: name, contact, notes, default export template, default sell price. */
export function CustomerEditor({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const save = useBusinessStore((s) => s.saveCustomer);
  const [name, setName] = useState(customer?.name ?? '');
  const [contact, setContact] = useState(customer?.contact ?? '');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const initial = fromTemplateId(customer?.exportTemplate ?? null);
  const [format, setFormat] = useState<string>(initial ? initial.format : '');
  const [template, setTemplate] = useState(initial?.template ?? '{ip}:{port}:{user}:{pass}');
  const currency = customer?.defaultPrice?.currency ?? 'USD';
  const [price, setPrice] = useState<PriceDraft>({
    amount: priceText(customer?.defaultPrice ?? null, currencyDigits(currency)),
    currency,
  });
  const [errors, setErrors] = useState<{ name?: string; price?: string; template?: string }>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const p = draftPrice(price);
    const exportTemplate = format === '' ? null : toTemplateId(format, template);
    const next = {
      name: name.trim() ? undefined : t('customers.editor.nameRequired'),
      price: p === 'invalid' ? t('customers.price.invalid') : undefined,
      template: format !== '' && exportTemplate === null ? t('customers.editor.templateTooLong') : undefined,
    };
    setErrors(next);
    if (next.name || next.price || next.template) return;
    setPending(true);
    setError(null);
    const r = await save({
      ...(customer ? { id: customer.id } : {}),
      name: name.trim(),
      contact: contact.trim(),
      notes,
      exportTemplate,
      defaultPrice: p === 'invalid' ? null : p,
    });
    setPending(false);
    if (r.ok) return onClose();
    const shown = customerSaveError(r.error, name.trim(), t, errorText);
    if (shown.field === 'name') setErrors({ ...next, name: shown.text });
    else setError(shown.text);
  };

  return (
    <Dialog
      title={customer ? t('customers.editor.editTitle') : t('customers.editor.newTitle')}
      onClose={onClose}
      busy={pending}
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id={`${id}-name`} label={t('customers.editor.name')} error={errors.name}>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={120}
            aria-invalid={!!errors.name || undefined}
            aria-describedby={describedBy(`${id}-name`, false, errors.name)}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id={`${id}-contact`} label={t('customers.editor.contact')} help={t('customers.editor.contactHelp')}>
          <input
            id={`${id}-contact`}
            className="input"
            value={contact}
            maxLength={300}
            aria-describedby={`${id}-contact-help`}
            onChange={(e) => setContact(e.target.value)}
          />
        </Field>
        <Field id={`${id}-notes`} label={t('customers.editor.notes')}>
          <textarea
            id={`${id}-notes`}
            className="input"
            rows={3}
            value={notes}
            maxLength={4000}
            onChange={(e) => setNotes(e.target.value)}
          />
        </Field>
        <Field
          id={`${id}-fmt`}
          label={t('customers.editor.template')}
          help={t('customers.editor.templateHelp')}
          error={errors.template}
        >
          <select id={`${id}-fmt`} className="input" value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="">{t('customers.editor.templateLast')}</option>
            {EXPORT_FORMAT_KEYS.map(([f, key]) => (
              <option key={f} value={f}>
                {t(`ips.export.formats.${key}`)}
              </option>
            ))}
          </select>
        </Field>
        {format === 'template' ? (
          <Field id={`${id}-tpl`} label={t('ips.export.template')}>
            <input
              id={`${id}-tpl`}
              className="input input-mono"
              value={template}
              maxLength={60}
              onChange={(e) => setTemplate(e.target.value)}
            />
          </Field>
        ) : null}
        <Field
          id={`${id}-price`}
          label={t('customers.editor.defaultPrice')}
          help={t('customers.editor.defaultPriceHelp')}
          error={errors.price}
        >
          <PriceInput
            id={`${id}-price`}
            value={price}
            onChange={setPrice}
            invalid={!!errors.price}
            describedBy={describedBy(`${id}-price`, true, errors.price)}
          />
        </Field>
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
            {pending ? t('customers.editor.saving') : t('customers.editor.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
