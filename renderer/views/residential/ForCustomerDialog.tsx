import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../preload/contract/business';
import { itemKey } from '../../../preload/contract/business';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { SubUser } from '../../../preload/contract/model';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import type { ExportFormat } from '../../lib/proxy-format';
import { useBusinessStore } from '../../stores/business';
import { EXPORT_FORMAT_KEYS } from '../customers/export-template';
import { ref } from '../customers/model';
import { customerFormat, recordedKey } from './for-customer';
import type { ResidentialExport } from './useResidentialExport';

const NO_CUSTOMERS: Customer[] = [];

/** A format as the export panel names it; a template line as it is. */
function formatName(t: (k: string) => string, format: ExportFormat, template: string | null): string {
  if (format === 'template') return template ?? '';
  const key = EXPORT_FORMAT_KEYS.find(([f]) => f === format)?.[1] ?? format;
  return t(`ips.export.formats.${key}`);
}

/**
 * "For a customer…" of generated endpoints: pick a customer, then (when generated for a sub-user) the
 * sub-user is assigned to them (items:update, kind 'subUser'), and every line is copied in the
 * customer's own export format. The list itself is not stored anywhere.
 */
export function ForCustomerDialog({
  account,
  subUser,
  unlisted,
  count,
  exp,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  subUser: SubUser | null;
  /** A login the account's last read does not list as a sub-user (nothing can be assigned). */
  unlisted: string | null;
  count: number;
  exp: ResidentialExport;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const customers = useBusinessStore((s) => s.view?.customers ?? NO_CUSTOMERS);
  const index = useBusinessStore((s) => s.index);
  const updateItems = useBusinessStore((s) => s.updateItems);
  const item = subUser ? ref(account.id, 'subUser', subUser.id) : null;
  const currentId = item ? (index.byItem.get(itemKey(item))?.customerId ?? null) : null;
  const current = currentId ? (index.customers.get(currentId) ?? null) : null;
  const [picked, setPicked] = useState<string>(current?.id ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sorted = [...customers].sort((a, b) => a.name.localeCompare(b.name));
  const customer = sorted.find((c) => c.id === picked) ?? null;
  const own = customer ? customerFormat(customer) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!customer) {
      setError(t('residential.forCustomer.chooseError'));
      return;
    }
    setPending(true);
    setError(null);
    if (item && currentId !== customer.id) {
      const r = await updateItems([item], { customerId: customer.id });
      if (!r.ok) {
        setPending(false);
        setError(errorText(r.error));
        return;
      }
    }
    const copied = await exp.copyAs(own?.format ?? exp.format, own ? own.template : null);
    setPending(false);
    const key = recordedKey({ assigned: !!item, ownFormat: !!own, copied });
    onDone(t(`residential.forCustomer.${key}`, { user: subUser?.username ?? '', name: customer.name, count }));
    onClose();
  };

  return (
    <Dialog title={t('residential.forCustomer.title')} onClose={onClose} busy={pending}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {sorted.length === 0 ? (
          <p className="empty">{t('residential.forCustomer.noCustomers')}</p>
        ) : (
          <Field id={`${id}-c`} label={t('residential.forCustomer.customer')}>
            <select id={`${id}-c`} className="input" value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">{t('residential.forCustomer.choose')}</option>
              {sorted.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {subUser && current && current.id !== customer?.id ? (
          <p className="muted">
            {t('residential.forCustomer.currently', { user: subUser.username, name: current.name })}
          </p>
        ) : null}
        {subUser && customer ? (
          <p>{t('residential.forCustomer.willAssign', { user: subUser.username, name: customer.name })}</p>
        ) : null}
        {unlisted ? <p className="muted">{t('residential.forCustomer.unlisted', { login: unlisted })}</p> : null}
        {customer ? (
          <p>
            {own
              ? t('residential.forCustomer.theirFormat', {
                  count,
                  name: customer.name,
                  format: formatName(t, own.format, own.template),
                })
              : t('residential.forCustomer.noFormat', {
                  count,
                  name: customer.name,
                  format: formatName(t, exp.format, exp.template),
                })}
          </p>
        ) : null}
        <p className="field-help">
          {subUser ? t('residential.forCustomer.hintSubUser') : t('residential.forCustomer.hintMain')}
        </p>
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
          {sorted.length > 0 ? (
            <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
              {pending
                ? t('residential.forCustomer.saving')
                : subUser
                  ? t('residential.forCustomer.submitAssign')
                  : t('residential.forCustomer.submitCopy')}
            </button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
