/**
 * "Add my current IP" (issue 15 §2): finds the public IP (Settings' check URL, the way vendor calls
 * go), shows which accounts already list it, and adds it to the chosen others with a result for each.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { AppError } from '../../../preload/contract/errors';
import type { BulkAccountPlan, BulkAccountResult, PublicIp } from '../../../preload/contract/whitelist-bulk';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/time';
import { listNames } from '../manage/common';
import { AccountChecks, BulkResults, useLineText, useVendorOf } from './bulk-parts';

export function AddMyIpDialog({ accounts, onClose }: { accounts: AccountSummary[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const lineText = useLineText();
  const vendorOf = useVendorOf();
  const [ip, setIp] = useState<PublicIp | null>(null);
  const [plans, setPlans] = useState<BulkAccountPlan[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [results, setResults] = useState<BulkAccountResult[] | null>(null);
  const ids = accounts.map((a) => a.id).join(',');

  const find = useCallback(async () => {
    setError(null);
    setIp(null);
    setPlans(null);
    const api = getApi().whitelistBulk;
    const found = await api.publicIp();
    if (!found.ok) return setError(found.error);
    setIp(found.data);
    const checked = await api.check({ accountIds: ids.split(','), text: found.data.ip });
    if (!checked.ok) return setError(checked.error);
    setPlans(checked.data);
    setChosen(new Set(checked.data.filter((p) => p.toAdd.length > 0).map((p) => p.accountId)));
  }, [ids]);

  useEffect(() => {
    void find();
  }, [find]);

  const planOf = (id: string) => plans?.find((p) => p.accountId === id);
  const have = accounts.filter((a) => planOf(a.id)?.lines[0]?.verdict === 'listed');
  const others = accounts.filter((a) => !have.includes(a));
  const picked = others.filter((a) => chosen.has(a.id) && (planOf(a.id)?.toAdd.length ?? 0) > 0);

  const submit = async () => {
    if (sending || !ip) return;
    if (picked.length === 0) return setSendError(t('whitelistBulk.myIp.chooseOne'));
    setSendError(null);
    setSending(true);
    const r = await getApi().whitelistBulk.add({ accountIds: picked.map((a) => a.id), text: ip.ip });
    setSending(false);
    if (r.ok) setResults(r.data);
    else setSendError(errorText(r.error));
  };

  return (
    <Dialog title={t('whitelistBulk.myIp.title')} onClose={onClose} busy={sending} wide>
      <div className="form">
        {!ip && !error ? (
          <p role="status" className="progress">
            <span className="spinner" aria-hidden="true" /> {t('whitelistBulk.myIp.finding')}
          </p>
        ) : null}
        {error ? (
          <div className="form-error" role="alert">
            {errorText(error)}
          </div>
        ) : null}
        {ip ? (
          <p>
            <span className="wlb-ip" data-testid="public-ip">
              {t('whitelistBulk.myIp.yourIp', { ip: ip.ip })}
            </span>
            <br />
            <span className="muted small">
              {t('whitelistBulk.myIp.checkedAt', { time: formatDateTime(ip.checkedAt, i18n.language) })}
            </span>
          </p>
        ) : null}
        {plans && !results ? (
          <>
            <p>
              {have.length > 0
                ? t('whitelistBulk.myIp.already', {
                    count: have.length,
                    names: listNames(
                      have.map((a) => a.label),
                      i18n.language,
                    ),
                  })
                : t('whitelistBulk.myIp.already_none')}
            </p>
            {others.length === 0 ? (
              <p className="muted">{t('whitelistBulk.myIp.allHave')}</p>
            ) : (
              <div className="wlb-scroll">
                <AccountChecks
                  legend={t('whitelistBulk.myIp.choose')}
                  accounts={others}
                  chosen={chosen}
                  onChange={setChosen}
                  disabled={sending}
                  note={(a) => {
                    const p = planOf(a.id);
                    if (p?.error) return { text: errorText(p.error), blocked: true };
                    const line = p?.lines[0];
                    if (line && line.verdict !== 'ok') return { text: lineText(line, vendorOf(a)), blocked: true };
                    return null;
                  }}
                />
              </div>
            )}
          </>
        ) : null}
        {results ? <BulkResults results={results} accounts={accounts} /> : null}
        {sendError ? (
          <div className="form-error" role="alert">
            {sendError}
          </div>
        ) : null}
        <div className="dialog-actions">
          {error ? (
            <button type="button" className="btn" onClick={() => void find()}>
              {t('whitelistBulk.myIp.retry')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose} disabled={sending}>
            {results ? t('whitelistBulk.follow.close') : t('common.cancel')}
          </button>
          {plans && !results && others.length > 0 ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void submit()}
              disabled={sending}
              aria-busy={sending || undefined}
            >
              {sending ? t('whitelists.adding') : t('whitelistBulk.myIp.submit', { count: picked.length })}
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
