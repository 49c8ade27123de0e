import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import { AccountStatusText } from '../components/AccountStatus';
import { useConnectionText, useErrorText } from '../lib/error-text';
import { formatDate, formatDateTime, useNow } from '../lib/time';
import { useAccountsStore } from '../stores/accounts';
import { useAppStore } from '../stores/app';
import { useVendorsStore, vendorName } from '../stores/vendors';
import { RemoveDialog, RenameDialog } from './AccountDialogs';
import { AddAccountForm } from './AddAccountForm';

export function AccountsView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const items = useAccountsStore((s) => s.items);
  const loaded = useAccountsStore((s) => s.loaded);
  const listState = useAccountsStore((s) => s.list);
  const fetch = useAccountsStore((s) => s.fetch);
  const vendors = useVendorsStore((s) => s.list);
  const addOpen = useAppStore((s) => s.addOpen);
  const openAdd = useAppStore((s) => s.openAdd);
  const closeAdd = useAppStore((s) => s.closeAdd);
  const flash = useAppStore((s) => s.flash);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const renameTarget = items.find((a) => a.id === renaming);
  const removeTarget = items.find((a) => a.id === removing);

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('accounts.title')}
          </h1>
          <p className="muted">{t('accounts.intro')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={openAdd}>
          {t('accounts.add')}
        </button>
      </header>

      <div role="status" className={flash ? 'flash' : 'flash flash-empty'}>
        {flash}
      </div>

      {listState.error ? (
        <div className="inline-error" role="alert">
          <span>{errorText(listState.error)}</span>
          <button type="button" className="btn btn-small" onClick={() => void fetch()}>
            {t('app.tryAgain')}
          </button>
        </div>
      ) : null}

      {!loaded && !listState.error ? (
        <p role="status" className="progress">
          <span className="spinner" aria-hidden="true" /> {t('accounts.loading')}
        </p>
      ) : null}

      {loaded && items.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{t('accounts.emptyTitle')}</p>
          <p>{t('accounts.emptyBody')}</p>
        </div>
      ) : null}

      {items.length > 0 ? (
        <>
          <p className="muted count">{t('accounts.count', { count: items.length })}</p>
          <div className="table-wrap">
            <table className="table" aria-label={t('accounts.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.colName')}</th>
                  <th scope="col">{t('accounts.colVendor')}</th>
                  <th scope="col">{t('accounts.colKey')}</th>
                  <th scope="col">{t('accounts.colCreated')}</th>
                  <th scope="col">{t('accounts.colLastRefresh')}</th>
                  <th scope="col">{t('accounts.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((account) => (
                  <AccountRow
                    key={account.id}
                    account={account}
                    vendor={vendorName(vendors, account.vendor)}
                    onRename={() => setRenaming(account.id)}
                    onRemove={() => setRemoving(account.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {addOpen ? <AddAccountForm onClose={closeAdd} /> : null}
      {renameTarget ? <RenameDialog account={renameTarget} onClose={() => setRenaming(null)} /> : null}
      {removeTarget ? (
        <RemoveDialog
          account={removeTarget}
          vendorName={vendorName(vendors, removeTarget.vendor)}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}

function AccountRow({
  account,
  vendor,
  onRename,
  onRemove,
}: {
  account: AccountSummary;
  vendor: string;
  onRename: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  useNow();
  const test = useAccountsStore((s) => s.test[account.id]);
  const testAccount = useAccountsStore((s) => s.testAccount);
  const lang = i18n.language;
  const errorText = useErrorText();
  const connectionText = useConnectionText();
  const failed =
    (test?.error ? errorText(test.error) : null) ??
    (test?.result && !test.result.ok ? connectionText(test.result) : null);

  return (
    <tr>
      <th scope="row" className="cell-name">
        <span className="account-label">{account.label}</span>
        {account.demo ? <span className="badge badge-demo">{t('common.demo')}</span> : null}
      </th>
      <td>{vendor}</td>
      <td className="mono">{account.credentialHint ?? <span className="muted">{t('accounts.noHint')}</span>}</td>
      <td>
        <time dateTime={account.createdAt} title={formatDateTime(account.createdAt, lang)}>
          {formatDate(account.createdAt, lang)}
        </time>
      </td>
      <td>
        <AccountStatusText account={account} />
      </td>
      <td className="cell-actions">
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void testAccount(account.id)}
            disabled={test?.pending}
            aria-busy={test?.pending || undefined}
          >
            {t('accounts.test')}
          </button>
          <button type="button" className="btn btn-small" onClick={onRename}>
            {t('accounts.rename')}
          </button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={onRemove}>
            {t('accounts.remove')}
          </button>
        </div>
        <div role="status" className="row-status">
          {test?.pending ? (
            <span className="progress">
              <span className="spinner" aria-hidden="true" /> {t('accounts.testing')}
            </span>
          ) : test?.result?.ok ? (
            <span className="result-ok">
              <span aria-hidden="true">✓ </span>
              {connectionText(test.result)}
            </span>
          ) : null}
        </div>
        {failed ? (
          <div role="alert" className="row-status result-error">
            <span aria-hidden="true">✕ </span>
            {failed}
          </div>
        ) : null}
      </td>
    </tr>
  );
}
