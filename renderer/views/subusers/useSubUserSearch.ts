import { useDeferredValue, useMemo, useState } from 'react';
import type { SubUser } from '../../../preload/contract/model';
import { buildIndex, matchRows } from '../../lib/filter-index';

/** What the Sub-users search box matches (before lower-casing): the username and the note. */
export const subUserText = (u: SubUser): string => `${u.username} ${u.note ?? ''}`;

/**
 * The Sub-users search (issue 12: 10,000 sub-users answer each keystroke within a frame): one index
 * per list (filter-index.ts), the box answers at once, the table follows in a deferred render.
 */
export function useSubUserSearch(users: SubUser[]) {
  const [text, setText] = useState('');
  const index = useMemo(() => buildIndex(users, subUserText), [users]);
  const query = useDeferredValue(text);
  const shown = useMemo(() => matchRows(users, query, () => true, index, subUserText), [users, query, index]);
  return { text, setText, shown, busy: query !== text };
}
