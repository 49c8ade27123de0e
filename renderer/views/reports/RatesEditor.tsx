/**
 * The user's own currency rates (rates:set): a base currency and "1 XXX = n base" per currency. Used
 * only when a report is converted; Proxydeck never fetches rates.
 */
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyRates } from '../../../preload/contract/business';
import { useBusinessStore } from '../../stores/business';
import { useReportsStore } from '../../stores/reports';
import { type SaveStatus, SaveStatusLine } from '../settings/SaveStatusLine';
import { parseRate } from './rates-text';

interface DraftRate {
  currency: string;
  perUnit: string;
}
interface Draft {
  base: string;
  rates: DraftRate[];
}

const CODE = /^[A-Z]{3}$/;
const toDraft = (r: CurrencyRates | null): Draft => ({
  base: r?.base ?? 'USD',
  rates: (r?.rates ?? []).map((x) => ({ currency: x.currency, perUnit: String(x.perUnit) })),
});

export function RatesEditor() {
  const { t } = useTranslation();
  const id = useId();
  const rates = useBusinessStore((s) => s.view?.rates ?? null);
  const saveRates = useReportsStore((s) => s.saveRates);
  const margin = useReportsStore((s) => s.margin.data);
  const spend = useReportsStore((s) => s.spend.data);
  const [draft, setDraft] = useState<Draft>(() => toDraft(rates));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  useEffect(() => {
    if (!dirty) setDraft(toDraft(rates));
  }, [rates, dirty]);

  // Currencies the reports use that have no rate yet (one click adds a line for each).
  const missing = useMemo(() => {
    const seen = new Set<string>(margin?.missingRates ?? []);
    for (const r of margin?.rows ?? []) seen.add(r.revenue.currency.toUpperCase());
    for (const r of spend?.rows ?? []) seen.add(r.spent.currency.toUpperCase());
    const have = new Set([draft.base.toUpperCase(), ...draft.rates.map((r) => r.currency.toUpperCase())]);
    return [...seen].filter((c) => !have.has(c)).sort();
  }, [margin, spend, draft]);

  const edit = (next: Draft) => {
    setDraft(next);
    setDirty(true);
    setErrors([]);
    if (status.state !== 'saving') setStatus({ state: 'idle' });
  };
  const setRate = (i: number, patch: Partial<DraftRate>) =>
    edit({ ...draft, rates: draft.rates.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  const check = (): { value: CurrencyRates | null; problems: string[] } => {
    const problems: string[] = [];
    const base = draft.base.trim().toUpperCase();
    if (!CODE.test(base)) problems.push(t('reports.rates.badCode', { code: draft.base || '—' }));
    const out: { currency: string; perUnit: number }[] = [];
    for (const r of draft.rates) {
      const currency = r.currency.trim().toUpperCase();
      if (!CODE.test(currency)) problems.push(t('reports.rates.badCode', { code: r.currency || '—' }));
      else if (currency === base) problems.push(t('reports.rates.sameAsBase', { base }));
      else if (out.some((o) => o.currency === currency)) problems.push(t('reports.rates.twice', { currency }));
      const perUnit = parseRate(r.perUnit);
      if (perUnit === null) problems.push(t('reports.rates.badRate', { currency: currency || '—' }));
      else if (CODE.test(currency)) out.push({ currency, perUnit });
    }
    return { value: { base, rates: out }, problems };
  };

  const submit = async (value: CurrencyRates | null) => {
    setStatus({ state: 'saving' });
    const result = await saveRates(value);
    if (result.ok) {
      setDirty(false);
      setStatus({ state: 'saved' });
    } else {
      setStatus({ state: 'error', error: result.error });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { value, problems } = check();
    setErrors(problems);
    if (problems.length === 0) void submit(value);
  };

  const saving = status.state === 'saving';
  return (
    <section className="card reports-section" aria-labelledby={`${id}-title`} data-testid="rates-editor">
      <h2 id={`${id}-title`}>{t('reports.rates.title')}</h2>
      <p className="muted">{t('reports.rates.intro')}</p>
      <form className="form reports-rates" onSubmit={onSubmit} noValidate>
        <label className="reports-rate-line" htmlFor={`${id}-base`}>
          <span>{t('reports.rates.base')}</span>
          <input
            id={`${id}-base`}
            className="input input-narrow"
            value={draft.base}
            maxLength={3}
            autoComplete="off"
            onChange={(e) => edit({ ...draft, base: e.target.value.toUpperCase() })}
          />
        </label>
        {draft.rates.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id while their code is typed
          <div className="reports-rate-line" key={i}>
            <span>1</span>
            <input
              className="input input-narrow"
              aria-label={t('reports.rates.currency')}
              value={r.currency}
              maxLength={3}
              autoComplete="off"
              onChange={(e) => setRate(i, { currency: e.target.value.toUpperCase() })}
            />
            <span>=</span>
            <input
              className="input input-narrow"
              inputMode="decimal"
              aria-label={t('reports.rates.perUnit', { currency: r.currency || '…', base: draft.base || '…' })}
              value={r.perUnit}
              autoComplete="off"
              onChange={(e) => setRate(i, { perUnit: e.target.value })}
            />
            <span>{draft.base}</span>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => edit({ ...draft, rates: draft.rates.filter((_, j) => j !== i) })}
            >
              {t('reports.rates.remove', { currency: r.currency || '…' })}
            </button>
          </div>
        ))}
        <div className="reports-tools">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => edit({ ...draft, rates: [...draft.rates, { currency: '', perUnit: '' }] })}
          >
            {t('reports.rates.add')}
          </button>
          {missing.map((c) => (
            <button
              key={c}
              type="button"
              className="btn btn-small"
              onClick={() => edit({ ...draft, rates: [...draft.rates, { currency: c, perUnit: '' }] })}
            >
              {t('reports.rates.addFor', { currency: c })}
            </button>
          ))}
        </div>
        {errors.length > 0 ? (
          <ul className="form-error reports-errors" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        <div className="section-status">
          <button type="submit" className="btn btn-primary" disabled={saving} aria-busy={saving || undefined}>
            {t('reports.rates.save')}
          </button>
          {rates ? (
            <button type="button" className="btn" disabled={saving} onClick={() => void submit(null)}>
              {t('reports.rates.clear')}
            </button>
          ) : null}
          <SaveStatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
