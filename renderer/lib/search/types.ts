/**
 * The one search (issue 15 §1): what it finds and where Enter takes each find. Pure types, no React.
 */
import type { OpenItem } from '../../stores/app';

/** The kinds of things found, in the order their groups are shown. */
export const SEARCH_KINDS = [
  'account',
  'customer',
  'ip',
  'server',
  'order',
  'product',
  'subUser',
  'whitelist',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** Unique across every group (React key, option id). */
  key: string;
  /** The main words of the find (an IP with its port, an order id, a name). */
  title: string;
  /** What else identifies it (a user name, a product, a note); may be empty. */
  detail: string;
  /** Whose it is: "account · vendor" (empty for customers). */
  where: string;
  /** Where Enter takes it: its view, filtered to it. */
  open: OpenItem;
}

export interface SearchGroup {
  kind: SearchKind;
  /** At most the cap of the search, in each source's own order. */
  hits: SearchHit[];
  /** Every match, also those past the cap. */
  total: number;
  /** Where the matches past the cap can all be seen (a view filtered by the query), when there is one. */
  more?: OpenItem;
}

/** The query as matched: trimmed, lower-cased (Chinese has no case: it is matched as typed). */
export function normalizeQuery(q: string): string {
  return q.split('\u0000').join('').trim().toLowerCase();
}
