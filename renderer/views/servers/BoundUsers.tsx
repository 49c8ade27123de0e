import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundSubUser, ServerSubUsers } from '../../../preload/contract/servers';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/time';

/**
 * The sub-users allowed on one server (read from the vendor when shown): add one of the account's
 * unlimited sub-users, remove one with a confirm. Each change is sent once; main settles an unknown
 * outcome by reading the list again.
 */
export function BoundUsers({ accountId, serverId, host }: { accountId: string; serverId: string; host: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const pickId = useId();
  const [data, setData] = useState<ServerSubUsers | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [pick, setPick] = useState('');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<BoundSubUser | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const r = await getApi().servers.subUsers({ accountId, serverId });
    setLoading(false);
    if (r.ok) setData(r.data);
    else setError(errorText(r.error));
  }, [accountId, serverId, errorText]);

  useEffect(() => {
    setData(null);
    setFlash(null);
    setPick('');
    void load();
  }, [load]);

  const add = async () => {
    if (!pick || adding) return;
    setAdding(true);
    setError(null);
    const r = await getApi().servers.bind({ accountId, serverId, username: pick });
    setAdding(false);
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setData(r.data);
    setFlash(t('servers.users.added', { name: pick, host }));
    setPick('');
  };

  const candidates = data?.candidates ?? null;
  return (
    <section className="servers-users" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('servers.users.title')}</h3>
      <p className="muted">{t('servers.users.intro')}</p>
      <div role="status" className={flash ? 'flash' : 'flash flash-empty'}>
        {flash}
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {loading && !data ? <p className="muted">{t('servers.users.loading')}</p> : null}
      {data ? (
        <>
          {data.users.length === 0 ? <p className="empty">{t('servers.users.empty')}</p> : null}
          {data.users.length > 0 ? (
            <div className="table-wrap">
              <table className="table manage-table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t('servers.users.name')}</th>
                    <th scope="col">{t('servers.users.since')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('servers.users.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((u) => (
                    <tr key={u.username} data-username={u.username}>
                      <td>{u.username}</td>
                      <td>{u.boundAt ? formatDateTime(u.boundAt, i18n.language) : '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          aria-label={t('servers.users.removeLabel', { name: u.username })}
                          onClick={() => setRemoving(u)}
                        >
                          {t('servers.users.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {candidates === null ? <p className="muted">{t('servers.users.candidatesUnknown')}</p> : null}
          {candidates !== null && candidates.length === 0 ? (
            <p className="muted">{t('servers.users.noCandidates')}</p>
          ) : null}
          {candidates !== null && candidates.length > 0 ? (
            <div className="manage-toolbar">
              <label className="manage-field" htmlFor={pickId}>
                <span className="field-label">{t('servers.users.addLabel')}</span>
                <select id={pickId} className="input" value={pick} onChange={(e) => setPick(e.target.value)}>
                  <option value="">{t('servers.users.choose')}</option>
                  {candidates.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void add()}
                disabled={!pick || adding}
                aria-busy={adding || undefined}
              >
                {adding ? t('servers.users.adding') : t('servers.users.add')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('servers.users.removeTitle', { name: removing.username, host })}
          cancelLabel={t('servers.users.keep')}
          confirmLabel={t('servers.users.removeConfirm')}
          busyLabel={t('servers.users.removing')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const r = await getApi().servers.unbind({ accountId, serverId, username: removing.username });
            if (!r.ok) return errorText(r.error);
            setData(r.data);
            setFlash(t('servers.users.removed', { name: removing.username, host }));
            setRemoving(null);
            return null;
          }}
        >
          <p>{t('servers.users.removeBody', { name: removing.username })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
