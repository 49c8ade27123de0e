import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  LocationLevel,
  ResidentialMode,
  ResidentialNote,
  ResidentialPlace,
} from '../../../preload/contract/residential';
import { getApi } from '../../api';
import { FilterField } from '../../components/FilterField';
import { useFixedRows } from '../../components/VirtualRows';
import { useErrorText } from '../../lib/error-text';

/** A native <select> can be neither filtered nor virtualized, and thousands of cities need both. */
const ROW = 30;
const VISIBLE = 6;

export interface PickerScope {
  accountId: string;
  mode: ResidentialMode;
  country?: string | undefined;
  state?: string | undefined;
  login?: string | undefined;
}

/**
 * One location level as a filterable list (thousands of cities stay usable: the rows are virtualized).
 * Loads its list from the vendor when its scope changes; `blocked` says why it cannot load yet.
 */
export function LocationPicker({
  level,
  scope,
  value,
  onChange,
  blocked,
  required,
  onNotes,
}: {
  level: LocationLevel;
  scope: PickerScope;
  value: ResidentialPlace | null;
  onChange: (p: ResidentialPlace | null) => void;
  blocked: string | null;
  required: boolean;
  onNotes?: (notes: ResidentialNote[]) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [places, setPlaces] = useState<ResidentialPlace[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const seq = useRef(0);
  const { accountId, mode, country, state, login } = scope;

  // biome-ignore lint/correctness/useExhaustiveDependencies: onNotes is a parent setter; the list follows the scope only.
  useEffect(() => {
    const n = ++seq.current;
    setPlaces(null);
    setError(null);
    setFilter('');
    if (blocked) return;
    void getApi()
      .residential.locations({
        accountId,
        mode,
        level,
        ...(country ? { country } : {}),
        ...(state ? { state } : {}),
        ...(login ? { login } : {}),
      })
      .then((r) => {
        if (n !== seq.current) return;
        if (r.ok) {
          setPlaces(r.data.places);
          onNotes?.(r.data.notes);
        } else setError(errorText(r.error));
      });
  }, [accountId, mode, level, country, state, login, blocked, errorText]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = places ?? [];
    const hit = q ? all.filter((p) => p.name.toLowerCase().includes(q) || p.code.toLowerCase().includes(q)) : all;
    return required || q ? hit : [null, ...hit];
  }, [places, filter, required]);
  const { scrollRef, items, padTop, padBottom } = useFixedRows<HTMLDivElement>(shown.length, ROW, 8);

  const ready = !blocked && !error && places !== null;
  const pick = (p: ResidentialPlace | null) => onChange(p);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = shown.find((p) => p !== null);
      if (first) pick(first);
    }
  };
  const onOptionKey = (e: KeyboardEvent<HTMLDivElement>, p: ResidentialPlace | null) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(p);
    }
  };
  const what = t(`residential.levelPlural.${level}`);
  const labelId = `${id}-label`;

  return (
    <fieldset className="res-picker" aria-labelledby={labelId}>
      <div className="res-picker-head">
        <legend id={labelId} className="field-label">
          {t(`residential.level.${level}`)}
        </legend>
        <span
          className="res-picker-chosen"
          aria-live="polite"
          title={t('residential.chosen', {
            what: t(`residential.level.${level}`),
            name: value ? value.name : t('residential.any'),
          })}
        >
          {value ? value.name : t('residential.any')}
        </span>
      </div>
      {blocked ? (
        <p className="muted small">{blocked}</p>
      ) : error ? (
        <p className="inline-error">{error}</p>
      ) : places === null ? (
        <p className="muted small">{t('residential.listLoading')}</p>
      ) : (
        <>
          <FilterField label={t('residential.filter', { what })}>
            {(fid) => (
              <input
                id={fid}
                type="search"
                className="input"
                value={filter}
                placeholder={t('residential.filterPlaceholder')}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={onKey}
                autoComplete="off"
              />
            )}
          </FilterField>
          <p className="muted small">{t('residential.listCount', { count: places.length })}</p>
        </>
      )}
      {/* Always mounted: the virtualizer needs its scroll element from the first render. */}
      <div
        ref={scrollRef}
        className="res-list"
        hidden={!ready}
        style={{ height: Math.max(1, Math.min(shown.length, VISIBLE)) * ROW + 2 }}
      >
        {!ready ? null : shown.length === 0 ? (
          <p className="muted small res-empty">{t('residential.listEmpty')}</p>
        ) : (
          <div role="listbox" aria-label={what} className="res-options">
            {padTop > 0 ? <div aria-hidden="true" style={{ height: padTop }} /> : null}
            {items.map(({ index }) => {
              const p = shown[index] ?? null;
              const selected = p === null ? value === null : value?.code === p.code;
              return (
                <div
                  key={p?.code ?? '__any'}
                  role="option"
                  aria-selected={selected}
                  tabIndex={0}
                  className={selected ? 'res-option res-option-on' : 'res-option'}
                  style={{ height: ROW }}
                  onClick={() => pick(p)}
                  onKeyDown={(e) => onOptionKey(e, p)}
                >
                  {p
                    ? level === 'asn' && p.name !== p.code
                      ? `${p.code} · ${p.name}`
                      : p.name
                    : t(`residential.anyLevel.${level}`)}
                </div>
              );
            })}
            {padBottom > 0 ? <div aria-hidden="true" style={{ height: padBottom }} /> : null}
          </div>
        )}
      </div>
    </fieldset>
  );
}
