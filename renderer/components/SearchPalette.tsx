import { type KeyboardEvent, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../preload/contract/business';
import { applyOpened } from '../lib/search/apply-open';
import type { SearchResult } from '../lib/search/search';
import { searchAll, searchSources, warmUp } from '../lib/search/search';
import type { SearchHit } from '../lib/search/types';
import { useAccountsStore } from '../stores/accounts';
import { type OpenItem, useAppStore } from '../stores/app';
import { useBusinessStore } from '../stores/business';
import { useSnapshotsStore } from '../stores/snapshots';
import { useVendorsStore } from '../stores/vendors';
import { Dialog } from './Dialog';
import './search-palette.css';

/** Hits shown per group; the rest are counted ("and N more"). */
export const SEARCH_CAP = 5;

const NO_CUSTOMERS: Customer[] = [];

const isMac = () => /mac/i.test(navigator.platform);

/** The shortcut as shown ("⌘K" on macOS, "Ctrl K" elsewhere) and as aria-keyshortcuts names it. */
export function searchShortcut(): { label: string; aria: string } {
  return isMac() ? { label: '⌘K', aria: 'Meta+K' } : { label: 'Ctrl K', aria: 'Control+K' };
}

/** One line of the list: a find, or the "and N more" line of a group. */
interface Option {
  id: string;
  open: OpenItem;
  hit?: SearchHit;
  more?: { count: number; view: string };
}

function optionsOf(
  result: SearchResult,
  baseId: string,
): { groups: { kind: string; total: number; options: Option[] }[]; flat: Option[] } {
  const flat: Option[] = [];
  const groups = result.groups.map((g) => {
    const options: Option[] = g.hits.map((hit) => ({ id: '', open: hit.open, hit }));
    if (g.more) options.push({ id: '', open: g.more, more: { count: g.total - g.hits.length, view: g.more.view } });
    for (const o of options) {
      o.id = `${baseId}-${flat.length}`;
      flat.push(o);
    }
    return { kind: g.kind, total: g.total, options };
  });
  return { groups, flat };
}

function Palette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const openItem = useAppStore((s) => s.openItem);
  const accounts = useAccountsStore((s) => s.items);
  const vendors = useVendorsStore((s) => s.list);
  const snaps = useSnapshotsStore((s) => s.byAccount);
  const customers = useBusinessStore((s) => s.view?.customers ?? NO_CUSTOMERS);
  const [text, setText] = useState('');
  // The highlighted line, for the results it was chosen in (new results start at the first line).
  const [picked, setPicked] = useState<{ of: unknown; at: number }>({ of: null, at: 0 });

  useEffect(() => {
    if (!useBusinessStore.getState().loaded) void useBusinessStore.getState().fetch();
  }, []);
  const src = useMemo(
    () => searchSources({ accounts, vendors, snaps, customers }),
    [accounts, vendors, snaps, customers],
  );
  // The IP search texts are built in idle time once open, so the first key does not wait for them.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return undefined;
    const idle = requestIdleCallback(() => warmUp(src), { timeout: 300 });
    return () => cancelIdleCallback(idle);
  }, [src]);
  // The box answers at once; the results follow in a deferred render that the next key interrupts.
  const query = useDeferredValue(text);
  const result = useMemo(() => searchAll(src, query, SEARCH_CAP), [src, query]);
  const { groups, flat } = useMemo(() => optionsOf(result, baseId), [result, baseId]);
  const active = picked.of === result ? picked.at : 0;
  const setActive = (at: number) => setPicked({ of: result, at });
  const current = flat[Math.min(active, flat.length - 1)];
  useEffect(() => {
    if (current) document.getElementById(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (flat.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.min(active, flat.length - 1) + step + flat.length) % flat.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter before the deferred results caught up opens the first find of what is typed.
      const pick = query === text ? current : optionsOf(searchAll(src, text, SEARCH_CAP), baseId).flat[0];
      if (pick) openItem(pick.open);
    }
  };
  const total = result.groups.reduce((n, g) => n + g.total, 0);
  const busy = query !== text;
  const listId = `${baseId}-list`;

  return (
    <Dialog title={t('search.title')} onClose={onClose} wide>
      <div className="search-palette-body">
        <input
          className="input search-palette-input"
          type="text"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current?.id}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          spellCheck={false}
          autoComplete="off"
          data-autofocus
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t('search.label')}
          aria-busy={busy}
          className="search-palette-results"
        >
          {groups.map((g) => (
            // biome-ignore lint/a11y/useSemanticElements: a group of listbox options (ARIA), not a form fieldset.
            <div key={g.kind} role="group" aria-labelledby={`${baseId}-g-${g.kind}`} data-kind={g.kind}>
              <div id={`${baseId}-g-${g.kind}`} className="search-group-title">
                {t(`search.kind.${g.kind}`)} · {t('search.count', { count: g.total })}
              </div>
              {g.options.map((o) => (
                // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox: focus stays in the box (aria-activedescendant).
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the box (↑ ↓ Enter).
                <div
                  key={o.id}
                  id={o.id}
                  role="option"
                  aria-selected={o === current}
                  className={o.more ? 'search-option search-option-more' : 'search-option'}
                  onMouseMove={() => setActive(flat.indexOf(o))}
                  onClick={() => openItem(o.open)}
                >
                  {o.hit ? (
                    <>
                      <span className="search-option-title">{o.hit.title}</span>
                      {o.hit.detail ? (
                        <span className="search-option-detail">
                          {o.hit.kind === 'product'
                            ? t('search.orders', { count: Number(o.hit.detail) })
                            : o.hit.detail}
                        </span>
                      ) : null}
                      {o.hit.where ? <span className="search-option-where">{o.hit.where}</span> : null}
                    </>
                  ) : o.more ? (
                    t('search.moreIn', { count: o.more.count, view: t(`nav.${o.more.view}`) })
                  ) : null}
                </div>
              ))}
            </div>
          ))}
        </div>
        <div className="search-palette-foot">
          <p className="muted small" role="status">
            {result.query === ''
              ? t('search.hint')
              : busy
                ? t('search.searching')
                : total === 0
                  ? t('search.none', { query: text.trim() })
                  : t('search.count', { count: total })}
          </p>
          <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
            {t('search.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/**
 * The one search (Ctrl+K / ⌘K, or the sidebar's Search button): finds IPs, ports, user names, orders,
 * products, sub-users, whitelist entries, servers, accounts and customers of every account as you type,
 * grouped by kind; Enter opens the find in its view, narrowed to it. Also narrows that view once it is
 * on screen (see applyOpened).
 */
export function SearchPalette() {
  const open = useAppStore((s) => s.searchOpen);
  const setOpen = useAppStore((s) => s.setSearchOpen);
  const opened = useAppStore((s) => s.opened);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      // ⌘K on macOS (where Ctrl+K in a text box deletes to the end of the line), Ctrl+K elsewhere.
      const mod = isMac() ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        // Not over another dialog (a renewal, a form): that one is finished or closed first.
        if (document.querySelector('dialog[open]')) return;
        useAppStore.getState().setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!opened || (opened.text === undefined && (opened.accountId === undefined || opened.view === 'ips'))) return;
    return applyOpened(opened, () => document.getElementById('main'));
  }, [opened]);

  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}
