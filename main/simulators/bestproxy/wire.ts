/**
 * BestProxy's wire conventions for the simulator: two success envelopes (A `{code:200,msg,data}`,
 * B `{code:0,message,data}`), the error model `{code:400,message,errors}`, code 3 for a bad app_key
 * and 156 for an unverified account — all with HTTP 200, as the doc shows. Messages are partly Chinese.
 */
import type { SimHandler, SimRequest, SimResponse, SimServer } from '../sim-server';
import type { BestproxyState } from './state';

export type Dialect = 'A' | 'B';

export const okA = (data: unknown): SimResponse => ({ json: { code: 200, msg: 'success', data } });
export const okB = (data: unknown): SimResponse => ({ json: { code: 0, message: '操作成功', data } });

export const failA = (code: number, msg: string): SimResponse => ({ json: { code, msg, data: null } });

/** The documented error model: field-level messages in `errors`. */
export const paramError = (errors: Record<string, string[]>, message = '参数错误'): SimResponse => ({
  json: { code: 400, message, errors },
});

export interface SimContext {
  server: SimServer;
  state: BestproxyState;
  now: () => Date;
}

/** A field from the JSON body or, failing that, the query (the doc allows both for POST). */
export function field(req: SimRequest, name: string): unknown {
  const v = req.body[name];
  if (v !== undefined && v !== null) return v;
  return req.query.get(name) ?? undefined;
}

export const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

export function intOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

/** app_key check: query for GET, query or body for POST. Wrong key → code 3 in the route's dialect. */
export function authed(ctx: SimContext, dialect: Dialect, handler: SimHandler): SimHandler {
  return (req) => {
    const key = str(req.query.get('app_key')) ?? str(req.method === 'GET' ? undefined : req.body.app_key);
    if (key !== ctx.state.appKey) {
      return dialect === 'A'
        ? failA(3, 'app_key无效 (invalid app_key)')
        : { json: { code: 3, message: 'app_key 无效', data: null } };
    }
    const queued = ctx.state.refuseNext.findIndex((r) => r.path === req.path);
    if (queued >= 0) {
      const [r] = ctx.state.refuseNext.splice(queued, 1);
      return dialect === 'A' ? failA(r!.code, r!.msg) : { json: { code: r!.code, message: r!.msg, errors: {} } };
    }
    return handler(req);
  };
}

/** Code 156 where the doc lists it: account writes and usage/package reads. */
export function verifiedOnly(ctx: SimContext, handler: SimHandler): SimHandler {
  return (req) => (ctx.state.verified ? handler(req) : failA(156, '账号未实名认证，请先完成实名认证'));
}

/**
 * Unit-bearing fields under a `wrong_units` fault come back in the other plausible unit:
 * KB fields as bytes (×1024), GB caps as MB (×1024), money as cents (×100).
 */
export const kb = (ctx: SimContext, v: number): number => (ctx.server.wrongUnits ? v * 1024 : v);
export const gb = (ctx: SimContext, v: number): number => (ctx.server.wrongUnits ? v * 1024 : v);
export const money = (ctx: SimContext, cents: number): number => (ctx.server.wrongUnits ? cents : cents / 100);

/** The envelope of a server error (the ErrorResponse model's shape), for `after_apply` 5xx answers. */
export const errorEnvelope = (status: number, message?: string): unknown => ({
  code: status,
  message: message ?? '服务器内部错误 (internal server error)',
  errors: {},
});

/** Top-level envelope keys of both dialects and the error model (kept by a `wrong_types` answer). */
export const ENVELOPE_KEYS = ['code', 'msg', 'message'] as const;

export interface Paging {
  page: number;
  /** Rows actually served per page (the asked size, capped server-side). */
  size: number;
  /** What page counts are computed from (see SimPaging). */
  countBy: number;
}

/** page/size (or page_no/page_size) with the vendor's defaults (1, 20), capped server-side. */
export function paging(ctx: SimContext, req: SimRequest, pageKey: string, sizeKey: string): Paging {
  const page = Math.max(1, intOf(req.query.get(pageKey)) ?? 1);
  const asked = Math.max(1, intOf(req.query.get(sizeKey)) ?? 20);
  const size = Math.min(asked, ctx.state.paging.cap);
  return { page, size, countBy: ctx.state.paging.totalsFrom === 'served' ? size : asked };
}

/** One page of rows plus the counts a page answer states. */
export function pageOf<T>(rows: T[], p: Paging): { rows: T[]; total: number; totalPages: number; pageSize: number } {
  return {
    rows: rows.slice((p.page - 1) * p.size, p.page * p.size),
    total: rows.length,
    totalPages: Math.ceil(rows.length / p.countBy),
    pageSize: p.countBy,
  };
}
