/**
 * Three pagination styles (reference §5.3):
 *  - #14 /user-product/list: request page/size, answer page, page_size, total_count, total_page in `data`;
 *  - #27 /order/list: request page_no/page_size, answer data.pagination { total, page_no, page_size, total_pages };
 *  - #24 /ip/get-static-ip: request page/size, answer undocumented.
 *
 * The server may serve fewer rows than asked (a page-size cap) and the doc guarantees no page size,
 * so a short page never ends the reading. Reading stops at an empty page, or — where the style
 * documents a total row count — once that many rows arrived. Page counts (total_page) are not
 * trusted: a server that caps the size may compute them from the size we asked. Bounded.
 */
import { isObj, list, obj, optNum, pick } from '../parse';

export interface Page {
  rows: unknown[];
  /** The stated total number of rows, when the answer carries one. */
  total: number | null;
  /** The stated number of pages (informational only: never used to stop). */
  totalPages: number | null;
}

/** One page of any style. A present row list of the wrong shape is a BadField (→ bad_response). */
export function readPage(data: unknown): Page {
  const d = obj(data);
  const p = obj(d.pagination);
  const rows = Array.isArray(data) ? data : list(pick(d, 'list', 'data', 'items'), 'list');
  return {
    rows,
    total: optNum(pick(d, 'total_count', 'total') ?? pick(p, 'total', 'total_count')),
    totalPages: optNum(pick(d, 'total_page', 'total_pages') ?? pick(p, 'total_pages', 'total_page')),
  };
}

/** Safety stop: 1000 pages, far beyond any account even at a small server-side page size. */
export const MAX_PAGES = 1000;

export interface PagingRule {
  /**
   * 'total': stop once the stated total row count has arrived (#14, #27 document it), else at an
   * empty page. 'empty': the answer is undocumented (#24), so only an empty page ends it.
   */
  stopAt: 'total' | 'empty';
}

/**
 * Reads every page. `fetchPage(n)` returns the envelope's `data` of page n (1-based); `read` parses it
 * (the client passes readPage wrapped so a BadField becomes bad_response).
 */
export async function readAllPages(
  rule: PagingRule,
  fetchPage: (page: number) => Promise<unknown>,
  read: (data: unknown) => Page = readPage,
): Promise<unknown[]> {
  const out: unknown[] = [];
  let previous: string | null = null;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { rows, total } = read(await fetchPage(page));
    if (rows.length === 0) break;
    // A server that ignores the page number repeats itself: stop instead of reading it 1000 times.
    const signature = pageSignature(rows);
    if (signature === previous) break;
    previous = signature;
    out.push(...rows);
    if (rule.stopAt === 'total' && total !== null && out.length >= total) break;
  }
  return out;
}

function pageSignature(rows: unknown[]): string {
  const key = (r: unknown) => (isObj(r) ? JSON.stringify(r) : String(r));
  return `${rows.length}:${key(rows[0])}:${key(rows.at(-1))}`;
}
