import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubUser } from '../../preload/contract/model';
import { DataAge } from '../components/DataAge';
import { FilterField } from '../components/FilterField';
import { useBusinessStore } from '../stores/business';
import { isStale, useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import { AssignDialog } from './customers/AssignDialog';
import { CustomerFilterField } from './customers/CustomerFilterField';
import { type CustomerFilter, customerTest, ref } from './customers/model';
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
import { SubUserTable } from './subusers/SubUserTable';
import { useSubUserSearch } from './subusers/useSubUserSearch';
import { TrafficCodesSection } from './traffic-codes/TrafficCodesSection';
import '../styles/manage.css';

const NONE: SubUser[] = [];

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
  const [assigning, setAssigning] = useState<SubUser | null>(null);
  const [customer, setCustomer] = useState<CustomerFilter>('all');
  const business = useBusinessStore((s) => s.index);

  // Stable, so the memoized table and its rows do not render again for nothing.
  const onEdit = useCallback((user: SubUser) => setEditing({ mode: 'edit', user }), []);

  const accountId = pickValid(picked, capable);
  const account = capable.find((a) => a.id === accountId) ?? null;
  const snap = account ? snapshots[account.id] : undefined;
  const editable = !!account && hasCapability(vendors, account.vendor, 'subUsersEdit');
  const users = snap?.subUsers ?? NONE;
  const ofCustomer = useMemo(() => {
    const test = customerTest(business, customer);
    return test && accountId ? users.filter((u) => test(`${accountId}|subUser|${u.id}`)) : users;
  }, [users, business, customer, accountId]);
  const search = useSubUserSearch(ofCustomer);
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
              {users.length > 0 ? <CustomerFilterField value={customer} onChange={setCustomer} /> : null}
              {users.length > 0 ? (
                <FilterField label={t('tablesPlus.subUsers.search')}>
                  {(fid) => (
                    <input
                      id={fid}
                      className="input"
                      type="search"
                      value={search.text}
                      placeholder={t('tablesPlus.subUsers.searchHint')}
                      onChange={(e) => search.setText(e.target.value)}
                    />
                  )}
                </FilterField>
              ) : null}
              <p className="muted count" role="status">
                {search.shown.length === users.length
                  ? t('subUsers.count', { count: users.length })
                  : t('tablesPlus.subUsers.countFiltered', { count: search.shown.length, total: users.length })}
              </p>
              {users.length === 0 ? (
                <p className="empty">{t('subUsers.empty')}</p>
              ) : search.shown.length === 0 ? (
                <p className="empty">{t('tablesPlus.subUsers.noMatch')}</p>
              ) : (
                <SubUserTable
                  account={account}
                  users={search.shown}
                  busy={search.busy}
                  editable={editable}
                  onEdit={onEdit}
                  onDelete={setDeleting}
                  onAssign={setAssigning}
                />
              )}
            </>
          ) : null}
          {hasCapability(vendors, account.vendor, 'trafficCodes') ? <TrafficCodesSection account={account} /> : null}
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
      {assigning && account ? (
        <AssignDialog
          items={[ref(account.id, 'subUser', assigning.id)]}
          onClose={() => setAssigning(null)}
          onDone={setFlash}
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
