import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../preload/contract/channels';
import type { WhitelistEntry } from '../../preload/contract/model';
import { VENDOR_FORM_RULES } from '../../preload/contract/vendors';
import { getApi } from '../api';
import { DataAge } from '../components/DataAge';
import { Dialog } from '../components/Dialog';
import { describedBy, Field } from '../components/Field';
import { knownNote } from '../lib/error-sentences';
import { useErrorText } from '../lib/error-text';
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
import { AddIpsForm } from './whitelist/AddIpsForm';
import { WhitelistBulkBar } from './whitelist/WhitelistBulkBar';
import '../styles/manage.css';

export { type ParsedLines, parseIpLines } from './whitelist/ip-lines';

export function WhitelistsView() {
  const { t } = useTranslation();
  const headingId = useId();
  const { capable, missing, loaded, total } = useCapableAccounts('whitelist');
  const vendors = useVendorsStore((s) => s.list);
  const snapshots = useSnapshotsStore((s) => s.byAccount);
  const refresh = useSnapshotsStore((s) => s.refresh);
  const [picked, setPicked] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [removing, setRemoving] = useState<WhitelistEntry | null>(null);

  const accountId = pickValid(picked, capable);
  const account = capable.find((a) => a.id === accountId) ?? null;
  const snap = account ? snapshots[account.id] : undefined;
  const editable = !!account && hasCapability(vendors, account.vendor, 'whitelistEdit');
  const entries = snap?.whitelist ?? [];
  const sectionError = snap?.errors.whitelist;

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('whitelists.title')}
          </h1>
          <p className="muted">{t('whitelists.intro')}</p>
        </div>
        {snap ? <DataAge fetchedAt={snap.fetchedAt} stale={isStale(refresh[snap.accountId])} /> : null}
      </header>

      {loaded && total === 0 ? <p className="empty">{t('manage.noAccounts')}</p> : null}
      {loaded && total > 0 && capable.length === 0 ? <p className="empty">{t('manage.noneCapable')}</p> : null}
      <UnsupportedNote names={missing} what="whitelist" />
      {/* Issue 15 §2: my IP, a list, and "Follow my IP" for every account that can edit its whitelist. */}
      <WhitelistBulkBar
        accounts={capable.filter((a) => hasCapability(vendors, a.vendor, 'whitelistEdit'))}
        current={accountId || null}
      />

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
            <div className="manage-columns">
              <div className="manage-main">
                <p className="muted count">{t('whitelists.count', { count: entries.length })}</p>
                {entries.length === 0 ? (
                  <p className="empty">{t('whitelists.empty')}</p>
                ) : (
                  <WhitelistTable account={account} entries={entries} editable={editable} onRemove={setRemoving} />
                )}
              </div>
              {editable ? (
                <AddIpsForm
                  key={account.id}
                  account={account}
                  onAdded={(count) => setFlash(t('whitelists.added', { count }))}
                />
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}

      {removing && account ? (
        <RemoveIpDialog
          account={account}
          entry={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setFlash(t('whitelists.removed', { ip: removing.ip }));
            setRemoving(null);
          }}
        />
      ) : null}
    </section>
  );
}

function WhitelistTable({
  account,
  entries,
  editable,
  onRemove,
}: {
  account: AccountSummary;
  entries: WhitelistEntry[];
  editable: boolean;
  onRemove: (entry: WhitelistEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table manage-table" aria-label={t('whitelists.tableLabel', { account: account.label })}>
        <thead>
          <tr>
            <th scope="col">{t('whitelists.colIp')}</th>
            <th scope="col">{t('whitelists.colNote')}</th>
            <th scope="col">{t('whitelists.colAdded')}</th>
            {editable ? (
              <th scope="col" className="manage-col-actions">
                {t('whitelists.colActions')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id ?? e.ip}>
              <th scope="row" className="mono manage-ip">
                {e.ip}
              </th>
              <td>{e.note ? knownNote(e.note, i18n.language, t) : <span className="muted">—</span>}</td>
              <td>
                {e.createdAt ? (
                  <time dateTime={e.createdAt} title={formatDateTime(e.createdAt, i18n.language)}>
                    {formatDate(e.createdAt, i18n.language)}
                  </time>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {editable ? (
                <td className="manage-col-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-danger-ghost"
                    aria-label={t('whitelists.removeLabel', { ip: e.ip })}
                    onClick={() => onRemove(e)}
                  >
                    {t('whitelists.remove')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RemoveIpDialog({
  account,
  entry,
  onClose,
  onRemoved,
}: {
  account: AccountSummary;
  entry: WhitelistEntry;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const bodyId = useId();
  const codeId = useId();
  const patch = useSnapshotsStore((s) => s.patch);
  // Declared per vendor (BestProxy asks for a one-time verification code before removing an entry).
  const needsCode = VENDOR_FORM_RULES[account.vendor].whitelist?.removeNeedsCode ?? false;
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (needsCode && !code.trim()) {
      setCodeError(t('whitelists.codeRequired'));
      return;
    }
    const unsavable = needsCode ? validateText(code, 'verifyCode', t) : null;
    if (unsavable) {
      setCodeError(unsavable);
      return;
    }
    setCodeError(null);
    setError(null);
    setPending(true);
    const r = await getApi().whitelist.remove({
      accountId: account.id,
      ips: [entry.ip],
      ...(needsCode ? { verifyCode: code.trim() } : {}),
    });
    setPending(false);
    if (r.ok) {
      patch(account.id, 'whitelist', r.data);
      onRemoved();
    } else {
      setError(errorText(r.error));
    }
  };

  return (
    <Dialog title={t('whitelists.removeTitle')} onClose={onClose} busy={pending} describedBy={bodyId}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p id={bodyId}>{t('whitelists.removeBody', { ip: entry.ip, account: account.label })}</p>
        {needsCode ? (
          <Field id={codeId} label={t('whitelists.code')} help={t('whitelists.codeHelp')} error={codeError}>
            <input
              id={codeId}
              className="input input-narrow input-mono"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={32}
              value={code}
              disabled={pending}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={describedBy(codeId, true, codeError)}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
        ) : null}
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-ghost"
            onClick={onClose}
            disabled={pending}
            data-autofocus={needsCode ? undefined : true}
          >
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t('whitelists.removing') : t('whitelists.removeConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
