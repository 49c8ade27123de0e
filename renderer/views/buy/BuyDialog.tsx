import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract/channels';
import { Dialog } from '../../components/Dialog';
import { localizeAccounts, nameBesideVendor } from '../../lib/account-name';
import { useErrorText } from '../../lib/error-text';
import { useAccountsStore } from '../../stores/accounts';
import { usePurchasesStore } from '../../stores/purchases';
import { useVendorsStore, vendorName } from '../../stores/vendors';
import { hasCapability } from '../manage/common';
import '../../styles/renew.css';
import {
  type BuyLine,
  draftFor,
  EMPTY_DRAFT,
  type LineDraft,
  lineProblems,
  lineWords,
  selectionOf,
  useCatalog,
} from './catalog';
import { LineForm, unitText } from './LineForm';
import { PurchaseDialog } from './PurchaseDialog';
import { VendorPages } from './VendorPages';

/** The list holds at most this many lines (the price check takes 20 selections). */
const MAX_LINES = 20;

/**
 * Buying new proxies: pick an account, a product and its choices, add lines (several accounts and vendors
 * can go in one list), then "Check price" opens the one confirmation (PurchaseDialog).
 */
export function BuyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const allAccounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const accounts = useMemo(() => localizeAccounts(allAccounts), [allAccounts]);
  const capable = accounts.filter((a) => hasCapability(vendors, a.vendor, 'purchase'));
  const others = accounts.filter((a) => !hasCapability(vendors, a.vendor, 'purchase'));
  const [accountId, setAccountId] = useState(() => capable[0]?.id ?? '');
  const account = capable.find((a) => a.id === accountId) ?? capable[0];
  const { catalog, error, loading, reload } = useCatalog(account?.id ?? '');
  const [draft, setDraft] = useState<LineDraft>(EMPTY_DRAFT);
  const [showErrors, setShowErrors] = useState(false);
  const [lines, setLines] = useState<BuyLine[]>([]);
  const [confirming, setConfirming] = useState(false);

  const problems = catalog ? lineProblems(catalog, draft) : [];
  const unit = (n: number, u: string) => unitText(t, n, u);
  const pickAccount = (id: string) => {
    setAccountId(id);
    setDraft({ ...EMPTY_DRAFT });
    setShowErrors(false);
  };
  const lineOf = (a: AccountSummary): BuyLine | null => {
    if (!catalog || problems.length > 0) return null;
    return {
      key: `${a.id}|${Date.now()}|${Math.random()}`,
      selection: selectionOf(a.id, catalog, draft),
      accountLabel: nameBesideVendor(a),
      vendorName: vendorName(vendors, a.vendor),
      words: lineWords(catalog, draft, unit),
    };
  };
  const add = (): BuyLine[] | null => {
    if (!account) return null;
    const line = lineOf(account);
    if (!line) {
      setShowErrors(true);
      return null;
    }
    const next = [...lines, line].slice(0, MAX_LINES);
    setLines(next);
    setShowErrors(false);
    setDraft(draftFor(undefined, draft));
    return next;
  };
  // "Check price" takes the line being filled in too, when it is complete.
  const check = () => {
    const filling = !!draft.productId;
    const next = filling ? add() : lines;
    if (!next || next.length === 0) {
      setShowErrors(true);
      return;
    }
    setConfirming(true);
  };

  if (confirming) {
    return (
      <PurchaseDialog
        selections={lines.map((l) => l.selection)}
        title={t('buy.confirmTitle')}
        onClose={() => {
          setConfirming(false);
          // Something was bought (or may have been): the list is not offered again, the view shows the new
          // items. Nothing sent, or every part refused: back to the list to change it.
          const { step, records } = usePurchasesStore.getState();
          if (step !== 'quote' && (records.length === 0 || records.some((r) => r.state !== 'failed'))) onClose();
        }}
      />
    );
  }

  const full = lines.length >= MAX_LINES;
  return (
    <Dialog title={t('buy.title')} onClose={onClose} wide>
      <p className="muted">{t('buy.intro')}</p>
      {capable.length === 0 ? (
        <p className="muted" data-testid="buy-no-accounts">
          {t('buy.noAccounts')}
        </p>
      ) : (
        <>
          <div className="form-grid">
            <label className="field" htmlFor="buy-account">
              <span className="field-label">{t('buy.form.account')}</span>
              <select
                id="buy-account"
                className="input"
                value={account?.id ?? ''}
                onChange={(e) => pickAccount(e.target.value)}
              >
                {capable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {nameBesideVendor(a)} · {vendorName(vendors, a.vendor)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {loading ? (
            <p className="renew-wait" role="status">
              <span className="spinner" aria-hidden="true" /> {t('buy.loadingCatalog')}
            </p>
          ) : null}
          {error ? (
            <div className="renew-alert" role="alert" data-testid="buy-catalog-error">
              <p>{errorText(error)}</p>
              <p>{t('buy.catalogErrorNext')}</p>
              <button type="button" className="btn btn-small" onClick={reload}>
                {t('buy.tryAgain')}
              </button>
            </div>
          ) : null}
          {catalog ? (
            <>
              {catalog.notes.length > 0 || catalog.topUpBonus?.length ? (
                <ul className="renew-notes small" data-testid="buy-notes">
                  {catalog.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                  {catalog.topUpBonus?.length ? (
                    <li>
                      {t('buy.topUpBonus')} {catalog.topUpBonus.map((b) => b.text).join(' · ')}
                    </li>
                  ) : null}
                </ul>
              ) : null}
              {catalog.products.length === 0 ? (
                <p className="muted">{t('buy.noProducts')}</p>
              ) : (
                <LineForm
                  catalog={catalog}
                  draft={draft}
                  problems={problems}
                  showErrors={showErrors}
                  onChange={(d) => setDraft(d)}
                />
              )}
            </>
          ) : null}
        </>
      )}
      <VendorPages accounts={others} />
      {lines.length > 0 ? (
        <section aria-label={t('buy.list.title')} data-testid="buy-list">
          <h3 className="field-label">{t('buy.list.title')}</h3>
          <ul className="renew-items">
            {lines.map((l) => (
              <li key={l.key} data-testid="buy-line">
                {l.words}{' '}
                <span className="muted small">
                  — {l.accountLabel} · {l.vendorName}
                </span>{' '}
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => setLines(lines.filter((x) => x.key !== l.key))}
                >
                  {t('buy.list.remove')}
                </button>
              </li>
            ))}
          </ul>
          {full ? <p className="muted small">{t('buy.list.full', { count: MAX_LINES })}</p> : null}
        </section>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          disabled={!catalog || !draft.productId || full}
          onClick={() => void add()}
        >
          {t('buy.list.add')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="buy-check-price"
          disabled={lines.length === 0 && !draft.productId}
          onClick={check}
        >
          {t('buy.checkPrice')}
        </button>
      </div>
    </Dialog>
  );
}
