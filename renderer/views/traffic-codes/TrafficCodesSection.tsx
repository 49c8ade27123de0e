import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import {
  TRAFFIC_CODE_STATUSES,
  type TrafficCode,
  type TrafficCodeList,
  type TrafficCodeStatus,
} from '../../../preload/contract/traffic-codes';
import { getApi } from '../../api';
import { FilterField } from '../../components/FilterField';
import { useErrorText } from '../../lib/error-text';
import { formatBytes } from '../../lib/format';
import { formatDateTime } from '../../lib/time';
import { useVendorsStore } from '../../stores/vendors';
import { hasCapability } from '../manage/common';
import { CreateCodesDialog, NewCodes } from './CreateCodesDialog';
import { RevokeCodeDialog } from './RevokeCodeDialog';

/**
 * Thordata traffic redeem codes (CDK) of one account: read from the vendor when shown (not kept in
 * the snapshot), each with a copy button, and "Revoke" for a code not used yet. Shown only for
 * vendors that declare the `trafficCodes` capability (the caller checks).
 */
export function TrafficCodesSection({ account }: { account: AccountSummary }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [data, setData] = useState<TrafficCodeList | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [status, setStatus] = useState<TrafficCodeStatus | 'all'>('all');
  const [revoking, setRevoking] = useState<TrafficCode | null>(null);
  const [creating, setCreating] = useState(false);
  const [newCodes, setNewCodes] = useState<string[]>([]);
  const canCreate = hasCapability(
    useVendorsStore((s) => s.list),
    account.vendor,
    'trafficCodesCreate',
  );

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const r = await getApi().trafficCodes.list({ accountId: account.id });
    setLoading(false);
    if (r.ok) setData(r.data);
    else setError(errorText(r.error));
  }, [account.id, errorText]);

  useEffect(() => {
    setData(null);
    setFlash(null);
    setNewCodes([]);
    void load();
  }, [load]);

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setFlash(t('trafficCodes.copied', { code }));
    } catch {
      setFlash(t('trafficCodes.copyFailed'));
    }
  };

  const codes = data?.codes ?? [];
  const shown = status === 'all' ? codes : codes.filter((c) => c.status === status);

  return (
    <section className="traffic-codes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trafficCodes.title')}</h2>
      <p className="muted">{t('trafficCodes.intro')}</p>
      <div className="manage-toolbar">
        <FilterField label={t('trafficCodes.filter')}>
          {(fid) => (
            <select
              id={fid}
              className="input"
              value={status}
              onChange={(e) => setStatus(e.target.value as TrafficCodeStatus | 'all')}
            >
              <option value="all">{t('trafficCodes.all')}</option>
              {TRAFFIC_CODE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`trafficCodes.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <button type="button" className="btn btn-ghost" onClick={() => void load()} disabled={loading}>
          {t('trafficCodes.reload')}
        </button>
        {canCreate ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('trafficCodes.create.button')}
          </button>
        ) : null}
      </div>
      {newCodes.length > 0 ? (
        <NewCodes codes={newCodes} onCopy={(c) => void copy(c)} onHide={() => setNewCodes([])} />
      ) : null}
      <div role="status" className={flash ? 'flash' : 'flash flash-empty'}>
        {flash}
      </div>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {loading && !data ? <p className="muted">{t('trafficCodes.loading')}</p> : null}
      {data ? (
        <>
          <p className="muted count">{t('trafficCodes.count', { count: shown.length })}</p>
          {codes.length === 0 ? <p className="empty">{t('trafficCodes.empty')}</p> : null}
          {codes.length > 0 && shown.length === 0 ? <p className="empty">{t('trafficCodes.noMatch')}</p> : null}
          {shown.length > 0 ? (
            <div className="table-wrap">
              <table className="table manage-table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t('trafficCodes.code')}</th>
                    <th scope="col">{t('trafficCodes.status')}</th>
                    <th scope="col">{t('trafficCodes.traffic')}</th>
                    <th scope="col">{t('trafficCodes.created')}</th>
                    <th scope="col">{t('trafficCodes.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.code} data-code={c.code}>
                      <td>
                        <code>{c.code}</code>{' '}
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          aria-label={t('trafficCodes.copyLabel', { code: c.code })}
                          onClick={() => void copy(c.code)}
                        >
                          {t('trafficCodes.copy')}
                        </button>
                      </td>
                      <td>{t(`trafficCodes.statuses.${c.status}`)}</td>
                      <td title={data.note}>{formatBytes(c.trafficBytes)}</td>
                      <td>{formatDateTime(c.createdAt, i18n.language)}</td>
                      <td>
                        {c.status === 'unused' ? (
                          <button
                            type="button"
                            className="btn btn-ghost btn-small"
                            aria-label={t('trafficCodes.revokeLabel', { code: c.code })}
                            onClick={() => setRevoking(c)}
                          >
                            {t('trafficCodes.revoke')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p className="muted">{data.note}</p>
        </>
      ) : null}
      {creating ? (
        <CreateCodesDialog
          account={account}
          onClose={() => setCreating(false)}
          onDone={(made) => {
            setNewCodes(made);
            if (made.length > 0) setFlash(t('trafficCodes.create.done', { count: made.length }));
            void load();
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeCodeDialog
          account={account}
          code={revoking}
          onClose={() => setRevoking(null)}
          onDone={(list) => {
            setData(list);
            setFlash(t('trafficCodes.revoked', { code: revoking.code }));
            setRevoking(null);
          }}
        />
      ) : null}
    </section>
  );
}
