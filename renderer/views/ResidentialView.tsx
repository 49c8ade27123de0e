import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentialForm } from '../../preload/contract/residential';
import { getApi } from '../api';
import { useErrorText } from '../lib/error-text';
import { AccountPicker, pickValid, useCapableAccounts } from './manage/common';
import { GeneratorForm } from './residential/GeneratorForm';
import '../styles/manage.css';
import '../styles/inventory.css';
import './residential/residential.css';

/**
 * Residential endpoint generator (issue 14 §2): rotating and sticky endpoints by country, state, city,
 * with the vendor's session options; copied or exported with the IPs view's formats. Reads only.
 */
export function ResidentialView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const { capable, loaded, total } = useCapableAccounts('residential');
  const [picked, setPicked] = useState<string | null>(null);
  const accountId = pickValid(picked, capable);
  const account = capable.find((a) => a.id === accountId) ?? null;
  const [form, setForm] = useState<{ accountId: string; form: ResidentialForm } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(
    async (id: string, cancelled: () => boolean) => {
      setForm(null);
      setError(null);
      const r = await getApi().residential.form({ accountId: id });
      if (cancelled()) return;
      if (r.ok) setForm({ accountId: id, form: r.data });
      else setError(errorText(r.error));
    },
    [errorText],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-reads on "Try again".
  useEffect(() => {
    if (!accountId) return;
    let gone = false;
    void load(accountId, () => gone);
    return () => {
      gone = true;
    };
  }, [accountId, load, attempt]);

  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view-header">
        <div>
          <h1 id={headingId} tabIndex={-1}>
            {t('residential.title')}
          </h1>
          <p className="muted">{t('residential.intro')}</p>
        </div>
      </header>
      {loaded && total === 0 ? <p className="empty">{t('manage.noAccounts')}</p> : null}
      {loaded && total > 0 && capable.length === 0 ? <p className="empty">{t('residential.noneCapable')}</p> : null}
      {account ? (
        <>
          <div className="manage-toolbar">
            <AccountPicker accounts={capable} value={accountId} onChange={setPicked} />
          </div>
          {error ? (
            <div className="res-load-error">
              <p className="inline-error" role="alert">
                {error}
              </p>
              <button type="button" className="btn btn-small" onClick={() => setAttempt((n) => n + 1)}>
                {t('residential.reload')}
              </button>
            </div>
          ) : form && form.accountId === account.id ? (
            <GeneratorForm key={account.id} account={account} form={form.form} />
          ) : (
            <p className="muted">{t('residential.loading')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
