/**
 * "Follow my IP" (issue 15 §2): when main says the public IP changed ('public-ip-changed', once per
 * change, or the open question at start-up), the window asks: "Your public IP changed from A to B.
 * Replace A with B on these N accounts?". Only "Replace" changes anything (add B, then remove A, per
 * account, with results); "Not now" closes the question for good for this change. BestProxy's removal
 * needs a verification code: it can be typed here, or left out (A then stays there, and says so).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppEvent } from '../../../preload/contract/channels';
import type { FollowIpAccountResult, FollowIpPrompt as Prompt } from '../../../preload/contract/whitelist-bulk';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../lib/error-text';
import { useAccountsStore } from '../../stores/accounts';
import { AccountChecks, useVendorOf } from './bulk-parts';

/** Mounted once in the shell: listens for the change and shows the question. */
export function FollowIpWatcher() {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const api = getApi();
    const show = (p: Prompt | null) => {
      if (!p || seen.current.has(p.changeId)) return;
      seen.current.add(p.changeId);
      setPrompt(p);
    };
    const off = api.events.subscribe((e: AppEvent) => {
      if (e.type === 'public-ip-changed') show(e.prompt);
    });
    void api.whitelistBulk.followPending().then((r) => (r.ok ? show(r.data) : undefined));
    return off;
  }, []);
  return prompt ? <FollowIpDialog prompt={prompt} onClose={() => setPrompt(null)} /> : null;
}

function FollowIpDialog({ prompt, onClose }: { prompt: Prompt; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vendorOf = useVendorOf();
  const all = useAccountsStore((s) => s.items);
  const accounts = prompt.accounts.map(
    (p) =>
      all.find((a) => a.id === p.accountId) ?? {
        id: p.accountId,
        label: p.label,
        vendor: 'bestproxy' as const,
        createdAt: '',
        lastRefreshAt: null,
        demo: false,
        credentialHint: null,
        lastError: null,
      },
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set(prompt.accounts.map((a) => a.accountId)));
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<FollowIpAccountResult[] | null>(null);
  const { from, to } = prompt;
  const needCode = prompt.accounts.filter((a) => a.removeNeedsCode && chosen.has(a.accountId));

  const dismiss = async () => {
    if (pending) return;
    if (!results) await getApi().whitelistBulk.followDismiss({ changeId: prompt.changeId });
    onClose();
  };

  const replace = async () => {
    if (pending) return;
    const picked = prompt.accounts.filter((a) => chosen.has(a.accountId));
    if (picked.length === 0) return setError(t('whitelistBulk.follow.chooseOne'));
    setError(null);
    setPending(true);
    const r = await getApi().whitelistBulk.followReplace({
      changeId: prompt.changeId,
      accounts: picked.map((a) => {
        const code = codes[a.accountId]?.trim();
        return a.removeNeedsCode && code ? { accountId: a.accountId, verifyCode: code } : { accountId: a.accountId };
      }),
    });
    setPending(false);
    if (r.ok) setResults(r.data);
    else setError(errorText(r.error));
  };

  const resultText = (r: FollowIpAccountResult) => {
    if (r.removed === 'done') return t('whitelistBulk.follow.resDone', { from, to });
    if (r.removed === 'needs_code') return t('whitelistBulk.follow.resNeedsCode', { from, to });
    if (r.removed === 'kept') return t('whitelistBulk.follow.resKept', { from, to });
    return t('whitelistBulk.follow.resFailed', { from, to });
  };

  return (
    <Dialog
      title={results ? t('whitelistBulk.follow.resultTitle') : t('whitelistBulk.follow.title')}
      onClose={() => void dismiss()}
      busy={pending}
      wide
    >
      <div className="form">
        {results ? (
          <ul className="wlb-results" aria-label={t('whitelistBulk.follow.resultTitle')}>
            {results.map((r) => (
              <li
                key={r.accountId}
                className={r.removed === 'done' ? 'wlb-result wlb-good' : r.error ? 'wlb-result wlb-bad' : 'wlb-result'}
              >
                <strong>{accounts.find((a) => a.id === r.accountId)?.label}</strong> {resultText(r)}
                {r.error ? <span className="wlb-error"> {errorText(r.error)}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <p>{t('whitelistBulk.follow.body', { from, to, count: prompt.accounts.length })}</p>
            <p className="muted small">{t('whitelistBulk.follow.order', { from, to })}</p>
            <div className="wlb-scroll">
              <AccountChecks
                legend={t('whitelistBulk.myIp.choose')}
                accounts={accounts}
                chosen={chosen}
                onChange={setChosen}
                disabled={pending}
              />
            </div>
            {needCode.map((a) => {
              const acc = accounts.find((x) => x.id === a.accountId);
              const inputId = `follow-code-${a.accountId}`;
              return (
                <div key={a.accountId} className="field">
                  <p className="muted small">{t('whitelistBulk.follow.needsCode', { vendor: vendorOf(acc), from })}</p>
                  <label className="field-label" htmlFor={inputId}>
                    {t('whitelistBulk.follow.code', { account: acc?.label ?? a.label })}
                  </label>
                  <input
                    id={inputId}
                    className="input input-narrow input-mono"
                    type="text"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={32}
                    value={codes[a.accountId] ?? ''}
                    disabled={pending}
                    onChange={(e) => setCodes((c) => ({ ...c, [a.accountId]: e.target.value }))}
                  />
                </div>
              );
            })}
          </>
        )}
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          {results ? (
            <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
              {t('whitelistBulk.follow.close')}
            </button>
          ) : (
            <>
              <button type="button" className="btn btn-ghost" onClick={() => void dismiss()} disabled={pending}>
                {t('whitelistBulk.follow.notNow')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void replace()}
                disabled={pending}
                aria-busy={pending || undefined}
              >
                {pending ? t('whitelistBulk.follow.confirming') : t('whitelistBulk.follow.confirm')}
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
