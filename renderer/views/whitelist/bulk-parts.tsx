/**
 * Pieces shared by the whitelist-for-many-accounts dialogs (issue 15 §2): the sentence of one checked
 * line, the account checkboxes, and the per-account results.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { BulkAccountResult, CheckedLine } from '../../../preload/contract/whitelist-bulk';
import { nameBesideVendor } from '../../lib/account-name';
import { useErrorText } from '../../lib/error-text';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import './whitelist-bulk.css';

/** "Line 3: 2001:db8::1 — Thordata takes IPv4 addresses only". */
export function useLineText(): (line: CheckedLine, vendor: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (line: CheckedLine, vendor: string) =>
      t('whitelistBulk.line', {
        line: line.line,
        value: line.value,
        why: t(`whitelistBulk.verdict.${line.verdict}`, { vendor }),
      }),
    [t],
  );
}

export function useVendorOf(): (account: AccountSummary | undefined) => string {
  const vendors = useVendorsStore((s) => s.list);
  return useCallback((a: AccountSummary | undefined) => (a ? vendorName(vendors, a.vendor) : ''), [vendors]);
}

export function AccountChecks({
  accounts,
  chosen,
  onChange,
  disabled,
  legend,
  note,
}: {
  accounts: AccountSummary[];
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  disabled?: boolean;
  legend: string;
  /** A line under an account (why it cannot be chosen, or what will happen). */
  note?: (a: AccountSummary) => { text: string; blocked: boolean } | null;
}) {
  const vendorOf = useVendorOf();
  return (
    <fieldset className="wlb-accounts" disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      {accounts.map((a) => {
        const n = note?.(a) ?? null;
        return (
          <label key={a.id} className={n?.blocked ? 'wlb-account wlb-blocked' : 'wlb-account'}>
            <input
              type="checkbox"
              checked={chosen.has(a.id) && !n?.blocked}
              disabled={n?.blocked}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(a.id);
                else next.delete(a.id);
                onChange(next);
              }}
            />
            <span>
              <span className="wlb-account-name">{nameBesideVendor(a)}</span>{' '}
              <span className="muted">· {vendorOf(a)}</span>
              {n ? <span className="wlb-account-note">{n.text}</span> : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function BulkResults({ results, accounts }: { results: BulkAccountResult[]; accounts: AccountSummary[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lineText = useLineText();
  const vendorOf = useVendorOf();
  return (
    <section className="wlb-results" aria-label={t('whitelistBulk.results.title')}>
      <h3>{t('whitelistBulk.results.title')}</h3>
      <ul>
        {results.map((r) => {
          const a = accounts.find((x) => x.id === r.accountId);
          const good = r.error === null && r.added.length > 0;
          return (
            <li
              key={r.accountId}
              className={r.error ? 'wlb-result wlb-bad' : good ? 'wlb-result wlb-good' : 'wlb-result'}
            >
              <strong>{a?.label ?? r.accountId}</strong>{' '}
              {r.added.length > 0
                ? t('whitelistBulk.results.added', { count: r.added.length })
                : r.error
                  ? null
                  : t('whitelistBulk.results.nothing')}
              {r.error ? (
                <span role="alert" className="wlb-error">
                  {' '}
                  {errorText(r.error)}
                </span>
              ) : null}
              {r.refused.length > 0 ? (
                <>
                  <span className="muted"> {t('whitelistBulk.results.notSent', { count: r.refused.length })}</span>
                  <ul className="wlb-lines">
                    {r.refused.map((l) => (
                      <li key={l.line}>{lineText(l, vendorOf(a))}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
