/**
 * Paste a list once and apply it to several accounts (issue 15 §2). "Check" asks main to check every
 * line against each chosen account's vendor rules, its current list and the room left on it — nothing
 * is sent then; a full whitelist is said here. "Add" sends only the lines that passed, once per account.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { BulkAccountPlan, BulkAccountResult } from '../../../preload/contract/whitelist-bulk';
import { getApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { describedBy, Field } from '../../components/Field';
import { useErrorText } from '../../lib/error-text';
import { AccountChecks, BulkResults, useLineText, useVendorOf } from './bulk-parts';

export function BulkAddDialog({
  accounts,
  initial,
  onClose,
}: {
  accounts: AccountSummary[];
  /** Accounts ticked at first (the one shown in the view). */
  initial: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const lineText = useLineText();
  const vendorOf = useVendorOf();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set(initial.length > 0 ? initial : accounts.map((a) => a.id)));
  const [plans, setPlans] = useState<BulkAccountPlan[] | null>(null);
  const [busy, setBusy] = useState<'check' | 'send' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<BulkAccountResult[] | null>(null);
  const picked = accounts.filter((a) => chosen.has(a.id));
  const sendable = plans?.filter((p) => p.toAdd.length > 0) ?? [];
  const fieldError = error === t('whitelistBulk.list.empty') ? error : null;

  const check = async () => {
    if (busy) return;
    if (!text.trim()) return setError(t('whitelistBulk.list.empty'));
    if (picked.length === 0) return setError(t('whitelistBulk.myIp.chooseOne'));
    setError(null);
    setBusy('check');
    const r = await getApi().whitelistBulk.check({ accountIds: picked.map((a) => a.id), text });
    setBusy(null);
    if (r.ok) setPlans(r.data);
    else setError(errorText(r.error));
  };

  const send = async () => {
    if (busy || !plans) return;
    if (sendable.length === 0) return setError(t('whitelistBulk.list.nothingToSend'));
    setError(null);
    setBusy('send');
    const r = await getApi().whitelistBulk.add({ accountIds: sendable.map((p) => p.accountId), text });
    setBusy(null);
    if (r.ok) setResults(r.data);
    else setError(errorText(r.error));
  };

  const planLine = (a: AccountSummary) => {
    const p = plans?.find((x) => x.accountId === a.id);
    if (!p) return null;
    if (p.error) return { text: errorText(p.error), blocked: false };
    const parts = [
      p.toAdd.length > 0 ? t('whitelistBulk.list.planOk', { count: p.toAdd.length }) : t('whitelistBulk.list.planNone'),
    ];
    return { text: parts.join(' '), blocked: false };
  };

  return (
    <Dialog title={t('whitelistBulk.list.title')} onClose={onClose} busy={busy !== null} wide>
      <div className="form">
        {results ? (
          <BulkResults results={results} accounts={accounts} />
        ) : (
          <>
            <Field id={id} label={t('whitelistBulk.list.field')} help={t('whitelistBulk.list.help')} error={fieldError}>
              <textarea
                id={id}
                className="input input-mono manage-textarea"
                rows={5}
                value={text}
                spellCheck={false}
                autoComplete="off"
                disabled={busy !== null}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={describedBy(id, true, fieldError)}
                onChange={(e) => {
                  setText(e.target.value);
                  setPlans(null);
                }}
              />
            </Field>
            <div className="wlb-scroll">
              <AccountChecks
                legend={t('whitelistBulk.list.accounts')}
                accounts={accounts}
                chosen={chosen}
                onChange={(next) => {
                  setChosen(next);
                  setPlans(null);
                }}
                disabled={busy !== null}
                note={planLine}
              />
            </div>
            {plans ? <PlanDetails plans={plans} accounts={accounts} lineText={lineText} vendorOf={vendorOf} /> : null}
          </>
        )}
        {error && !fieldError ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose} disabled={busy !== null}>
            {results ? t('whitelistBulk.follow.close') : t('common.cancel')}
          </button>
          {results ? null : plans ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void send()}
              disabled={busy !== null}
              aria-busy={busy === 'send' || undefined}
            >
              {busy === 'send' ? t('whitelists.adding') : t('whitelistBulk.list.submit', { count: sendable.length })}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void check()}
              disabled={busy !== null}
              aria-busy={busy === 'check' || undefined}
            >
              {busy === 'check' ? t('whitelistBulk.list.checking') : t('whitelistBulk.list.check')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** Per account: the full whitelist first, then every line that will not be sent, with why. */
function PlanDetails({
  plans,
  accounts,
  lineText,
  vendorOf,
}: {
  plans: BulkAccountPlan[];
  accounts: AccountSummary[];
  lineText: ReturnType<typeof useLineText>;
  vendorOf: ReturnType<typeof useVendorOf>;
}) {
  const { t } = useTranslation();
  const shown = plans.filter((p) => p.full || p.lines.some((l) => l.verdict !== 'ok'));
  if (shown.length === 0) return null;
  return (
    <ul className="wlb-results wlb-plan-list" aria-label={t('whitelistBulk.list.check')}>
      {shown.map((p) => {
        const a = accounts.find((x) => x.id === p.accountId);
        const refused = p.lines.filter((l) => l.verdict !== 'ok' && l.verdict !== 'full');
        return (
          <li key={p.accountId} className="wlb-result">
            <strong>{a?.label}</strong>
            {p.full ? (
              <span className="wlb-plan wlb-plan-full" role="alert">
                {p.room ? t('whitelistBulk.list.planFull', { count: p.room }) : t('whitelistBulk.list.planFullZero')}
              </span>
            ) : null}
            {refused.length > 0 ? (
              <ul className="wlb-lines">
                {refused.map((l) => (
                  <li key={l.line}>{lineText(l, vendorOf(a))}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
