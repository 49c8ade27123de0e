import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import type { SubUser } from '../../preload/contract/model';
import { DataAge } from '../components/DataAge';
import { knownNote } from '../lib/error-sentences';
import { formatBytes } from '../lib/format';
import { formatDate, formatDateTime } from '../lib/time';
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
import { DeleteSubUserDialog } from './subusers/DeleteSubUserDialog';
import { type Editing, SubUserDialog } from './subusers/SubUserDialog';
import '../styles/manage.css';

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
        <DeleteSubUserDialog
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
              <td className="manage-note">
                {u.note ? knownNote(u.note, i18n.language, t) : <span className="muted">—</span>}
              </td>
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
