import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyStatus } from '../../../preload/contract/model';
import { FilterField } from '../../components/FilterField';
import { type Scope, ScopeFilter } from '../../components/ScopeFilter';
import { type IpFilter, parseDays } from '../../lib/inventory';

const STATUSES: ProxyStatus[] = ['active', 'pending', 'expired', 'disabled', 'unknown'];

/** The IPs view's filter boxes: account scope, country, status, expires within (days), search. */
export function IpFilters({
  filter,
  setFilter,
  daysText,
  setDaysText,
  countries,
  searchRef,
  children,
}: {
  filter: IpFilter;
  setFilter: (f: (prev: IpFilter) => IpFilter) => void;
  daysText: string;
  setDaysText: (v: string) => void;
  countries: Array<{ code: string; name: string }>;
  searchRef: RefObject<HTMLInputElement | null>;
  /** More filters shown before the search box (the Customer filter). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const daysInvalid = parseDays(daysText).invalid;
  const set = <K extends keyof IpFilter>(k: K, v: IpFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const scope: Scope = { vendor: filter.vendor, accountId: filter.accountId };
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('ips.filters.label')}</legend>
      <ScopeFilter value={scope} onChange={(v) => setFilter((f) => ({ ...f, ...v }))} />
      <FilterField label={t('ips.filters.country')}>
        {(fid) => (
          <select id={fid} className="input" value={filter.country} onChange={(e) => set('country', e.target.value)}>
            <option value="all">{t('ips.filters.allCountries')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('ips.filters.status')}>
        {(fid) => (
          <select
            id={fid}
            className="input"
            value={filter.status}
            onChange={(e) => set('status', e.target.value as IpFilter['status'])}
          >
            <option value="all">{t('ips.filters.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ips.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField
        label={t('ips.filters.expiresWithin')}
        className="scope-narrow"
        error={daysInvalid ? t('tablesPlus.days.negative') : null}
      >
        {(fid, errorId) => (
          <input
            id={fid}
            className="input"
            type="number"
            min={0}
            max={3650}
            placeholder={t('ips.filters.anyDays')}
            value={daysText}
            aria-invalid={daysInvalid}
            aria-describedby={errorId}
            onChange={(e) => {
              // A negative number is refused (the box says why) and the filter stays off.
              setDaysText(e.target.value);
              set('expiresWithinDays', parseDays(e.target.value).days);
            }}
          />
        )}
      </FilterField>
      {children}
      <FilterField label={t('ips.filters.search')} className="scope-grow">
        {(fid) => (
          <input
            id={fid}
            ref={searchRef}
            className="input"
            type="search"
            value={filter.text}
            placeholder={t('ips.filters.searchHint')}
            onChange={(e) => set('text', e.target.value)}
          />
        )}
      </FilterField>
    </fieldset>
  );
}
