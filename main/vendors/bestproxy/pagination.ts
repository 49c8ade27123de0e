/**
 * Three pagination styles (reference §5.3):
 *  - /user-product/list: request page/size, answer page, page_size, total_count, total_page in `data`;
 *  - /order/list: request page_no/page_size, answer data.pagination { total, page_no, page_size, total_pages };
 *  - /ip/get-static-ip: request page/size, answer undocumented (read like either of the above).
 */
import { arr, obj, optNum } from '../parse';

export interface Page {
  rows: unknown[];
  /** Total pages when the answer says (directly or via total / page size), else null. */
  totalPages: number | null;
}

export function readPage(data: unknown, requestedSize: number): Page {
  const d = obj(data);
  const p = obj(d.pagination);
  const rows = arr(d.list ?? d.data ?? d.items ?? (Array.isArray(data) ? data : undefined));
  let totalPages = optNum(d.total_page ?? d.total_pages ?? p.total_pages ?? p.total_page);
  if (totalPages === null) {
    const total = optNum(d.total_count ?? d.total ?? p.total ?? p.total_count);
    const size = optNum(d.page_size ?? d.size ?? p.page_size) ?? requestedSize;
    if (total !== null && size > 0) totalPages = Math.ceil(total / size);
  }
  return { rows, totalPages };
}

/** Safety stop: 500 pages of 100 is 50k rows, far beyond any account. */
const MAX_PAGES = 500;

/** Reads every page: stops at the stated last page, or at a short/empty page when none is stated. */
export async function readAllPages(size: number, fetchPage: (page: number) => Promise<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { rows, totalPages } = readPage(await fetchPage(page), size);
    out.push(...rows);
    if (totalPages !== null ? page >= totalPages : rows.length < size) break;
    if (rows.length === 0) break;
  }
  return out;
}
