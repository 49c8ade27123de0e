import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import type { SubUser } from '../../preload/contract/model';
import { getApi } from '../api';
import { DataAge } from '../components/DataAge';
import { Dialog } from '../components/Dialog';
import { describedBy, Field } from '../components/Field';
import { useErrorText } from '../lib/error-text';
import { formatBytes } from '../lib/format';
import { formatDate, formatDateTime } from '../lib/time';
import { validateText } from '../lib/validation';
import { isStale, useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import {
  AccountNotices,
  AccountPicker,
  hasCapability,
  pickValid,
  UnsupportedNote,
  useCapableAccounts,
} from './manage/common';
import '../styles/manage.css';

const GB = 1024 ** 3;

type Editing = { mode: 'create' } | { mode: 'edit'; user: SubUser };

export function SubUsersView() {
  const { t } = useTranslation();
  const headingId = useId();
  const { capable, missing, loaded, total } = useCapableAccounts('subUsers');
  const vendors = useVendorsStore((s) => s.list);
  const snapshots = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const [picked, setPicked] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SubUser | null>(null);

  const accountId = pickValid(picked, capable);
  const account = capable.find((a) => a.id === accountId) ?? null;
  const snap = account ? snapshots[account.id] : undefined;
  const editable = !!account && hasCapability(vendors, account.vendor, 'subUsersEdit');
  const users = snap?.subUsers ?? [];
  const sectionError = snap?.errors.subUsers;

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('subUsers.title')}
          </h1>
          <p className="muted">{t('subUsers.intro')}</p>
        </div>
        <div className="manage-header-side">
          {snap ? <DataAge fetchedAt={snap.fetchedAt} stale={isStale(refresh[snap.accountId])} /> : null}
          {account && editable && snap ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'create' })}>
              {t('subUsers.create')}
            </button>
          ) : null}
        </div>
      </header>

      {loaded && total === 0 ? <p className="empty">{t('manage.noAccounts')}</p> : null}
      {loaded && total > 0 && capable.length === 0 ? <p className="empty">{t('manage.noneCapable')}</p> : null}
      <UnsupportedNote names={missing} what="subUsers" />

      {account ? (
        <>
          <div className="manage-toolbar">
            <AccountPicker
              accounts={capable}
              value={accountId}
              onChange={(id) => {
                setPicked(id);
                setFlash(null);
              }}
            />
          </div>
          <AccountNotices
            account={account}
            flash={flash}
            sectionError={sectionError}
            hasSnapshot={Boolean(snap)}
            editable={editable}
          />
          {snap ? (
            <>
              <p className="muted count">{t('subUsers.count', { count: users.length })}</p>
              {users.length === 0 ? (
                <p className="empty">{t('subUsers.empty')}</p>
              ) : (
                <SubUserTable
                  account={account}
                  users={users}
                  editable={editable}
                  onEdit={(user) => setEditing({ mode: 'edit', user })}
                  onDelete={setDeleting}
                />
              )}
            </>
          ) : null}
        </>
      ) : null}

      {editing && account ? (
        <SubUserDialog
          account={account}
          editing={editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setFlash(message);
            setEditing(null);
          }}
        />
      ) : null}
      {deleting && account ? (
        <DeleteDialog
          account={account}
          user={deleting}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setFlash(t('subUsers.deleted', { user: deleting.username }));
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function SubUserTable({
  account,
  users,
  editable,
  onEdit,
  onDelete,
}: {
  account: AccountSummary;
  users: SubUser[];
  editable: boolean;
  onEdit: (u: SubUser) => void;
  onDelete: (u: SubUser) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table manage-table" aria-label={t('subUsers.tableLabel', { account: account.label })}>
        <thead>
          <tr>
            <th scope="col">{t('subUsers.colUser')}</th>
            <th scope="col">{t('subUsers.colStatus')}</th>
            <th scope="col">{t('subUsers.colUsage')}</th>
            <th scope="col">{t('subUsers.colNote')}</th>
            <th scope="col">{t('subUsers.colCreated')}</th>
            {editable ? <th scope="col">{t('subUsers.colActions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="mono">
                {u.username}
              </th>
              <td>
                <span className={`manage-status manage-status-${u.status}`}>{t(`subUsers.status.${u.status}`)}</span>
              </td>
              <td className="manage-usage-cell">
                <Usage user={u} />
              </td>
              <td className="manage-note">{u.note ?? <span className="muted">—</span>}</td>
              <td>
                {u.createdAt ? (
                  <time dateTime={u.createdAt} title={formatDateTime(u.createdAt, i18n.language)}>
                    {formatDate(u.createdAt, i18n.language)}
                  </time>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {editable ? (
                <td>
                  <div className="row-actions manage-nowrap">
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={t('subUsers.editLabel', { user: u.username })}
                      onClick={() => onEdit(u)}
                    >
                      {t('subUsers.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger-ghost"
                      aria-label={t('subUsers.deleteLabel', { user: u.username })}
                      onClick={() => onDelete(u)}
                    >
                      {t('subUsers.delete')}
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Usage({ user }: { user: SubUser }) {
  const { t } = useTranslation();
  const used = user.usedBytes;
  if (user.limitUnlimited || user.limitBytes === null) {
    return (
      <div className="manage-usage">
        <span>
          {used === null ? t('subUsers.unknownUsage') : t('subUsers.usedUnlimited', { used: formatBytes(used) })}
        </span>
        <span className="badge">{t('subUsers.unlimited')}</span>
      </div>
    );
  }
  const limit = user.limitBytes;
  const ratio = used === null || limit <= 0 ? 0 : Math.min(1, used / limit);
  const text = t('subUsers.usedOf', {
    used: used === null ? t('subUsers.unknownUsage') : formatBytes(used),
    limit: formatBytes(limit),
  });
  return (
    <div className="manage-usage-block">
      <span>{text}</span>
      <div
        className="manage-bar"
        role="progressbar"
        aria-label={t('subUsers.usageLabel', { user: user.username })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(ratio * 100)}
        aria-valuetext={text}
      >
        <span
          className={ratio >= 0.9 ? 'manage-bar-fill manage-bar-high' : 'manage-bar-fill'}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}

function gbText(bytes: number | null): string {
  if (bytes === null) return '';
  const gb = bytes / GB;
  return String(Math.round(gb * 100) / 100);
}

function SubUserDialog({
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
  const user = editing.mode === 'edit' ? editing.user : null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [unlimited, setUnlimited] = useState(user ? user.limitUnlimited || user.limitBytes === null : false);
  const [limit, setLimit] = useState(user ? gbText(user.limitBytes) : '');
  const [status, setStatus] = useState<'active' | 'disabled'>(user?.status === 'disabled' ? 'disabled' : 'active');
  const [note, setNote] = useState(user?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const validate = (): { limitBytes: number | null } | null => {
    const next: Record<string, string> = {};
    if (!user) {
      if (!username.trim()) next.username = t('subUsers.usernameRequired');
      else if (username.trim().length > 64) next.username = t('subUsers.usernameTooLong');
      if (!password) next.password = t('subUsers.passwordRequired');
    }
    if (password.length > 64) next.password = t('subUsers.passwordTooLong');
    if (note.length > 200) next.note = t('subUsers.noteTooLong');
    // A character that cannot be saved (half of an emoji), by the contract's rule.
    for (const [field, value] of [
      ['username', user ? '' : username],
      ['password', password],
      ['note', note],
    ] as const) {
      const unsavable = next[field] ? null : validateText(value, field, t);
      if (unsavable) next[field] = unsavable;
    }
    let limitBytes: number | null = null;
    if (!unlimited) {
      const gb = Number(limit.trim().replace(',', '.'));
      if (!limit.trim() || !Number.isFinite(gb) || gb <= 0 || gb > 8_000_000) next.limit = t('subUsers.limitInvalid');
      else limitBytes = Math.round(gb * GB);
    }
    setErrors(next);
    return Object.keys(next).length ? null : { limitBytes };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const ok = validate();
    if (!ok) return;
    const noteValue = note.trim() ? note.trim() : null;
    let r: Awaited<ReturnType<ReturnType<typeof getApi>['subUsers']['create']>>;
    let message: string;
    if (!user) {
      setPending(true);
      r = await getApi().subUsers.create({
        accountId: account.id,
        username: username.trim(),
        password,
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
      if (password) changes.password = password;
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

  const input = (name: string) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(`${id}-${name}`, name === 'limit' || (name === 'password' && !!user), errors[name]),
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
          <Field id={`${id}-username`} label={t('subUsers.username')} error={errors.username}>
            <input
              {...input('username')}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={80}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
        ) : null}
        <Field
          id={`${id}-password`}
          label={t('subUsers.password')}
          help={user ? t('subUsers.passwordEditHelp') : undefined}
          error={errors.password}
        >
          <input
            {...input('password')}
            className="input"
            type="text"
            autoComplete="new-password"
            maxLength={80}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field id={`${id}-limit`} label={t('subUsers.limit')} help={t('subUsers.limitHelp')} error={errors.limit}>
          <div className="input-with-button">
            <input
              {...input('limit')}
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
              {...input('status')}
              className="input input-narrow"
              value={status}
              onChange={(e) => setStatus(e.target.value as 'active' | 'disabled')}
            >
              <option value="active">{t('subUsers.status.active')}</option>
              <option value="disabled">{t('subUsers.status.disabled')}</option>
            </select>
          </Field>
        ) : null}
        <Field id={`${id}-note`} label={t('subUsers.note')} error={errors.note}>
          <input
            {...input('note')}
            className="input"
            type="text"
            maxLength={240}
            value={note}
            onChange={(e) => setNote(e.target.value)}
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

function DeleteDialog({
  account,
  user,
  onClose,
  onDone,
}: {
  account: AccountSummary;
  user: SubUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bodyId = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onConfirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    const r = await getApi().subUsers.remove({ accountId: account.id, id: user.id });
    setPending(false);
    if (r.ok) {
      patch(account.id, 'subUsers', r.data);
      onDone();
    } else {
      setError(errorText(r.error));
    }
  };

  return (
    <Dialog title={t('subUsers.deleteTitle')} onClose={onClose} busy={pending} describedBy={bodyId}>
      <div id={bodyId} className="dialog-body">
        <p>{t('subUsers.deleteBody', { user: user.username, account: account.label })}</p>
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onClose} disabled={pending} data-autofocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => void onConfirm()}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? t('subUsers.deleting') : t('subUsers.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
