import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { describedBy, Field, leavingToSubmit } from '../components/Field';
import { useErrorText } from '../lib/error-text';
import { validateLabel } from '../lib/validation';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';

export function RenameDialog({ account, onClose }: { account: AccountSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const renameAccount = useAccountsStore((s) => s.renameAccount);
  const pending = useAccountsStore((s) => s.rename[account.id]?.pending ?? false);
  const setFlash = useAppStore((s) => s.setFlash);
  const [label, setLabel] = useState(account.label);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const invalid = validateLabel(label, t);
    setError(invalid);
    if (invalid) return;
    const next = label.trim();
    if (next === account.label) {
      onClose();
      return;
    }
    const result = await renameAccount(account.id, next);
    if (result.ok) {
      setFlash(t('rename.saved'));
      onClose();
    } else if (result.error.code === 'duplicate_label' || result.error.field === 'label') {
      setError(errorText(result.error));
    } else {
      setFormError(errorText(result.error));
    }
  };

  return (
    <Dialog title={t('rename.title')} onClose={onClose} busy={pending}>
      <form onSubmit={onSubmit} noValidate className="form">
        <p>{t('rename.intro', { label: account.label })}</p>
        <Field id={id} label={t('rename.field')} error={error}>
          <input
            id={id}
            className="input"
            type="text"
            value={label}
            maxLength={120}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, false, error)}
            disabled={pending}
            onChange={(e) => {
              setLabel(e.target.value);
              if (error) setError(validateLabel(e.target.value, t));
            }}
            onBlur={(e) => {
              if (!leavingToSubmit(e)) setError(validateLabel(e.target.value, t));
            }}
          />
        </Field>
        {formError ? (
          <div className="form-error" role="alert">
            {formError}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t('common.saving') : t('rename.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveDialog({
  account,
  vendorName,
  onClose,
}: {
  account: AccountSummary;
  vendorName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const removeAccount = useAccountsStore((s) => s.removeAccount);
  const pending = useAccountsStore((s) => s.remove[account.id]?.pending ?? false);
  const setFlash = useAppStore((s) => s.setFlash);
  return (
    <ConfirmDialog
      title={t('remove.title')}
      confirmLabel={t('remove.confirm')}
      busyLabel={t('remove.removing')}
      pending={pending}
      onClose={onClose}
      onConfirm={async () => {
        const result = await removeAccount(account.id);
        if (!result.ok) return errorText(result.error);
        setFlash(t('remove.removed', { label: account.label }));
        onClose();
        return null;
      }}
    >
      <p>{t('remove.body', { label: account.label, vendor: vendorName })}</p>
      <p className="muted">{t('remove.keychain', { vendor: vendorName })}</p>
    </ConfirmDialog>
  );
}
