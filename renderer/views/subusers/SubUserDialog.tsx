/**
 * Create or edit a sub-user. The vendor's rules (VENDOR_FORM_RULES.subUsers: name and password
 * length and characters, whether the vendor makes the password itself, note length) are shown as
 * help and checked as the user types, so the vendor never has to refuse them.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { SubUser } from '../../../preload/contract/model';
import { VENDOR_FORM_RULES } from '../../../preload/contract/vendors';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { checkNoteRule, checkTextRule, ruleHelpText, ruleProblemText, validateText } from '../../lib/validation';
import { useSnapshotsStore } from '../../stores/snapshots';
import { useVendorsStore, vendorName } from '../../stores/vendors';

const GB = 1024 ** 3;

export type Editing = { mode: 'create' } | { mode: 'edit'; user: SubUser };

export function gbText(bytes: number | null): string {
  if (bytes === null) return '';
  const gb = bytes / GB;
  return String(Math.round(gb * 100) / 100);
}

type Errors = Record<string, string | undefined>;

export function SubUserDialog({
  account,
  editing,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  editing: Editing;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  const vendor = vendorName(
    useVendorsStore((s) => s.list),
    account.vendor,
  );
  const rules = VENDOR_FORM_RULES[account.vendor].subUsers;
  const generated = rules?.password === 'generated';
  const passwordRule = rules && rules.password !== 'generated' ? rules.password : null;
  const user = editing.mode === 'edit' ? editing.user : null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState(false);
  const [unlimited, setUnlimited] = useState(user ? user.limitUnlimited || user.limitBytes === null : false);
  const [limit, setLimit] = useState(user ? gbText(user.limitBytes) : '');
  const [status, setStatus] = useState<'active' | 'disabled'>(user?.status === 'disabled' ? 'disabled' : 'active');
  const [note, setNote] = useState(user?.note ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** The vendor's rule for one field (null when it holds). */
  const ruleError = (field: 'username' | 'password' | 'note', value: string): string | undefined => {
    if (!value) return undefined;
    if (field === 'username' && rules)
      return ruleProblemText(checkTextRule(value.trim(), rules.username), t) ?? undefined;
    if (field === 'password' && passwordRule)
      return ruleProblemText(checkTextRule(value, passwordRule), t) ?? undefined;
    if (field === 'note' && rules?.note)
      return ruleProblemText(checkNoteRule(value.trim(), rules.note), t) ?? undefined;
    return undefined;
  };
  /** As the user types: the rule's problem shows at once, and goes as soon as it is fixed. */
  const typed = (field: 'username' | 'password' | 'note', value: string) =>
    setErrors((e) => ({ ...e, [field]: ruleError(field, value) ?? validateText(value, field, t) ?? undefined }));

  const validate = (): { limitBytes: number | null } | null => {
    const next: Errors = {};
    if (!user) {
      if (!username.trim()) next.username = t('subUsers.usernameRequired');
      else if (username.trim().length > 64) next.username = t('subUsers.usernameTooLong');
      if (!password && !generated) next.password = t('subUsers.passwordRequired');
    }
    if (password.length > 64) next.password = t('subUsers.passwordTooLong');
    if (note.length > 200) next.note = t('subUsers.noteTooLong');
    for (const [field, value] of [
      ['username', user ? '' : username],
      ['password', password],
      ['note', note],
    ] as const) {
      if (next[field]) continue;
      // The vendor's rule, then a character that cannot be saved (half of an emoji), by the contract's rule.
      const problem = ruleError(field, value) ?? validateText(value, field, t);
      if (problem) next[field] = problem;
    }
    let limitBytes: number | null = null;
    if (!unlimited) {
      const gb = Number(limit.trim().replace(',', '.'));
      if (!limit.trim() || !Number.isFinite(gb) || gb <= 0 || gb > 8_000_000) next.limit = t('subUsers.limitInvalid');
      else limitBytes = Math.round(gb * GB);
    }
    setErrors(next);
    return Object.values(next).some(Boolean) ? null : { limitBytes };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const ok = validate();
    if (!ok) return;
    const noteValue = rules?.note === null ? (user?.note ?? null) : note.trim() ? note.trim() : null;
    let r: Awaited<ReturnType<ReturnType<typeof getApi>['subUsers']['create']>>;
    let message: string;
    if (!user) {
      setPending(true);
      r = await getApi().subUsers.create({
        accountId: account.id,
        username: username.trim(),
        password: generated ? '' : password,
        limitBytes: ok.limitBytes,
        note: noteValue,
      });
      message = t('subUsers.created', { user: username.trim() });
    } else {
      const changes: {
        password?: string;
        limitBytes?: number | null;
        status?: 'active' | 'disabled';
        note?: string | null;
      } = {};
      // '' asks a vendor that makes passwords itself for a new one.
      if (generated ? newPassword : password) changes.password = generated ? '' : password;
      const wasUnlimited = user.limitUnlimited || user.limitBytes === null;
      if (
        unlimited !== wasUnlimited ||
        (!unlimited && ok.limitBytes !== user.limitBytes && gbText(ok.limitBytes) !== gbText(user.limitBytes))
      )
        changes.limitBytes = ok.limitBytes;
      if (user.status !== 'unknown' && status !== user.status) changes.status = status;
      if (noteValue !== (user.note ?? null)) changes.note = noteValue;
      if (Object.keys(changes).length === 0) {
        onDone(t('subUsers.noChanges'));
        return;
      }
      setPending(true);
      r = await getApi().subUsers.update({ accountId: account.id, id: user.id, patch: changes });
      message = t('subUsers.saved', { user: user.username });
    }
    setPending(false);
    if (r.ok) {
      patch(account.id, 'subUsers', r.data);
      onDone(message);
    } else if (r.error.field && ['username', 'password', 'limit', 'note'].includes(r.error.field)) {
      setErrors({ [r.error.field]: errorText(r.error) });
    } else {
      setFormError(errorText(r.error));
    }
  };

  const usernameHelp = rules ? t('formsPlus.subUsers.rules', { vendor, rules: ruleHelpText(rules.username, t) }) : '';
  const passwordHelp = [
    user && !generated ? t('subUsers.passwordEditHelp') : '',
    passwordRule ? t('formsPlus.subUsers.rules', { vendor, rules: ruleHelpText(passwordRule, t) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const noteHelp = rules?.note?.cjkMaxLength
    ? t('formsPlus.subUsers.noteRule', { vendor, max: rules.note.maxLength, cjkMax: rules.note.cjkMaxLength })
    : '';

  const input = (name: string, hasHelp: boolean) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(`${id}-${name}`, hasHelp, errors[name]),
    disabled: pending,
  });

  return (
    <Dialog
      title={user ? t('subUsers.editTitle', { user: user.username }) : t('subUsers.createTitle')}
      onClose={onClose}
      busy={pending}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        {!user ? (
          <Field id={`${id}-username`} label={t('subUsers.username')} help={usernameHelp} error={errors.username}>
            <input
              {...input('username', !!usernameHelp)}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={80}
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                typed('username', e.target.value);
              }}
            />
          </Field>
        ) : null}
        {generated ? (
          user ? (
            <label className="manage-check">
              <input
                type="checkbox"
                checked={newPassword}
                disabled={pending}
                onChange={(e) => setNewPassword(e.target.checked)}
              />
              {t('formsPlus.subUsers.newPassword', { vendor })}
            </label>
          ) : (
            <p className="field-help">{t('formsPlus.subUsers.passwordGenerated', { vendor })}</p>
          )
        ) : (
          <Field id={`${id}-password`} label={t('subUsers.password')} help={passwordHelp} error={errors.password}>
            <input
              {...input('password', !!passwordHelp)}
              className="input"
              type="text"
              autoComplete="new-password"
              maxLength={80}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                typed('password', e.target.value);
              }}
            />
          </Field>
        )}
        <Field id={`${id}-limit`} label={t('subUsers.limit')} help={t('subUsers.limitHelp')} error={errors.limit}>
          <div className="input-with-button">
            <input
              {...input('limit', true)}
              className="input input-narrow"
              type="text"
              inputMode="decimal"
              value={unlimited ? '' : limit}
              disabled={pending || unlimited}
              onChange={(e) => setLimit(e.target.value)}
            />
            <label className="manage-check">
              <input
                type="checkbox"
                checked={unlimited}
                disabled={pending}
                onChange={(e) => setUnlimited(e.target.checked)}
              />
              {t('subUsers.limitUnlimited')}
            </label>
          </div>
        </Field>
        {user ? (
          <Field id={`${id}-status`} label={t('subUsers.statusField')}>
            <select
              {...input('status', false)}
              className="input input-narrow"
              value={status}
              onChange={(e) => setStatus(e.target.value as 'active' | 'disabled')}
            >
              <option value="active">{t('subUsers.status.active')}</option>
              <option value="disabled">{t('subUsers.status.disabled')}</option>
            </select>
          </Field>
        ) : null}
        {rules?.note === null ? null : (
          <Field id={`${id}-note`} label={t('subUsers.note')} help={noteHelp} error={errors.note}>
            <input
              {...input('note', !!noteHelp)}
              className="input"
              type="text"
              maxLength={240}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                typed('note', e.target.value);
              }}
            />
          </Field>
        )}
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
            {pending
              ? user
                ? t('common.saving')
                : t('subUsers.creating')
              : user
                ? t('subUsers.submitSave')
                : t('subUsers.submitCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
