import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { SubUser } from '../../../preload/contract/model';
import { SpacerRow, useFixedRows } from '../../components/VirtualRows';
import { knownNote } from '../../lib/error-sentences';
import { formatBytes } from '../../lib/format';
import { formatDate, formatDateTime } from '../../lib/time';
import { useBusinessStore } from '../../stores/business';
import { customerOf } from '../customers/model';

/** Fixed: the usage text and its bar, or the Edit / Delete buttons, whichever is taller. */
const ROW_HEIGHT = 56;
const OVERSCAN = 12;
/** Spacers take no padding or border, so their height is exactly the rows they stand for. */
/**
 * The sub-users table, virtualized like the IPs table: a fixed row height, spacer rows of one cell,
 * memoized rows, so thousands of sub-users render only a screenful.
 */
export const SubUserTable = memo(function SubUserTable({
  account,
  users,
  editable,
  onEdit,
  onDelete,
  onAssign,
  busy = false,
}: {
  account: AccountSummary;
  users: SubUser[];
  /** The rows shown are of the previous search; the new ones follow (a deferred render). */
  busy?: boolean;
  editable: boolean;
  onEdit: (u: SubUser) => void;
  onDelete: (u: SubUser) => void;
  /** "Assign to customer…" for one sub-user. */
  onAssign: (u: SubUser) => void;
}) {
  const { t, i18n } = useTranslation();
  const business = useBusinessStore((s) => s.index);
  const { scrollRef, items, padTop, padBottom } = useFixedRows<HTMLDivElement>(users.length, ROW_HEIGHT, OVERSCAN);

  return (
    <div ref={scrollRef} className="table-wrap subusers-scroll">
      <table
        className="table manage-table"
        aria-label={t('subUsers.tableLabel', { account: account.label })}
        aria-rowcount={users.length + 1}
        aria-busy={busy || undefined}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('subUsers.colUser')}</th>
            <th scope="col">{t('subUsers.colStatus')}</th>
            <th scope="col">{t('subUsers.colUsage')}</th>
            <th scope="col">{t('subUsers.colNote')}</th>
            <th scope="col">{t('subUsers.colCreated')}</th>
            <th scope="col">{t('customers.col.customer')}</th>
            {editable ? <th scope="col">{t('subUsers.colActions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {/* Spacer rows have one cell (no colSpan), like the IPs table's. */}
          <SpacerRow height={padTop} plain />
          {items.map((v) => {
            const u = users[v.index];
            if (!u) return null;
            return (
              <SubUserRow
                key={u.id}
                user={u}
                index={v.index}
                editable={editable}
                lang={i18n.language}
                onEdit={onEdit}
                onDelete={onDelete}
                onAssign={onAssign}
                customer={customerOf(business, `${account.id}|subUser|${u.id}`)?.name ?? null}
              />
            );
          })}
          <SpacerRow height={padBottom} plain />
        </tbody>
      </table>
    </div>
  );
});

/** One sub-user row. Memoized: while scrolling only the rows entering the window render. */
const SubUserRow = memo(function SubUserRow({
  user: u,
  index,
  editable,
  lang,
  onEdit,
  onDelete,
  onAssign,
  customer,
}: {
  user: SubUser;
  index: number;
  editable: boolean;
  lang: string;
  onEdit: (u: SubUser) => void;
  onDelete: (u: SubUser) => void;
  onAssign: (u: SubUser) => void;
  /** The sub-user's customer (one Map read by itemKey), or null. */
  customer: string | null;
}) {
  const { t } = useTranslation();
  return (
    <tr aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      <th scope="row" className="mono">
        {u.username}
      </th>
      <td>
        <span className={`manage-status manage-status-${u.status}`}>{t(`subUsers.status.${u.status}`)}</span>
      </td>
      <td className="manage-usage-cell">
        <Usage user={u} />
      </td>
      <td className="manage-note">{u.note ? knownNote(u.note, lang, t) : <span className="muted">—</span>}</td>
      <td>
        {u.createdAt ? (
          <time dateTime={u.createdAt} title={formatDateTime(u.createdAt, lang)}>
            {formatDate(u.createdAt, lang)}
          </time>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <div className="row-actions manage-nowrap">
          <span data-testid="subuser-customer">{customer ?? '—'}</span>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            aria-label={t('customers.assign.rowLabel', { item: u.username })}
            onClick={() => onAssign(u)}
          >
            {t('customers.page.change')}
          </button>
        </div>
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
  );
});

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
