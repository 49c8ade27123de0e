/**
 * What every ProxyShard route shares: the request wrapper (actix Content-Length quirk, Bearer auth,
 * write log, vendor-rule failures as `{success:false,message}`), small readers and the unit switches
 * of the wrong_units fault (money in dollars instead of cents, traffic in GB instead of bytes).
 */
import type { SimHandler, SimRequest, SimResponse, SimServer } from '../sim-server';
import { GIB, type SimAccount, SimFail } from './state';

export const P = '/user/api';

/** One POST/PATCH/DELETE as received: tests prove the client sends `{}` with a Content-Length. */
export interface WriteLogEntry {
  method: string;
  path: string;
  query: string;
  contentLength: string | undefined;
  body: string;
}

export interface RouteContext {
  server: SimServer;
  account: () => SimAccount;
  writes: WriteLogEntry[];
  /**
   * Server-side cap on rows per page of GET /orders and GET /proxies/sub-users, applied below what the
   * client asks (the vendor allows 1..100); tests lower it to prove paging drops no row.
   */
  maxPageSize: number;
}

export const ok = (json: unknown): SimResponse => ({ status: 200, json });
export const fail = (status: number, message: string): SimResponse => ({ status, json: { success: false, message } });

export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
export const int = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : null;
};

export type Api = (h: (req: SimRequest, acc: SimAccount) => SimResponse) => SimHandler;

/** Framework quirk, then auth, then the handler; vendor-rule failures become the error body. */
export function makeApi(ctx: RouteContext): Api {
  return (h) => (req) => {
    if ((req.method === 'POST' || req.method === 'PATCH') && !req.hasContentLength) {
      return {
        status: 411,
        raw: 'no Content-Length specified',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      };
    }
    const acc = ctx.account();
    if (req.headers.authorization !== `Bearer ${acc.apiKey}`) return fail(401, 'Invalid or missing API key');
    if (req.method !== 'GET') {
      ctx.writes.push({
        method: req.method,
        path: req.path,
        query: req.query.toString(),
        contentLength: req.headers['content-length'],
        body: req.text,
      });
    }
    try {
      return h(req, acc);
    } catch (e) {
      if (e instanceof SimFail) return fail(e.status, e.message);
      throw e;
    }
  };
}

/** Money and traffic as sent: cents and bytes, or dollars and GB under a wrong_units fault. */
export function units(server: SimServer): { money: (cents: number) => number; traffic: (bytes: number) => number } {
  return {
    money: (cents) => (server.wrongUnits ? cents / 100 : cents),
    traffic: (bytes) => (server.wrongUnits ? Math.round((bytes / GIB) * 100) / 100 : bytes),
  };
}

/** The page asked for, capped by the server (never more rows than `maxPageSize`). */
export function pageOf<T>(ctx: RouteContext, rows: T[], req: SimRequest): { offset: number; page: number; rows: T[] } {
  const offset = Math.max(0, int(req.query.get('offset')) ?? 0);
  const limit = int(req.query.get('limit')) ?? 20;
  const page = Math.max(1, Math.min(limit, ctx.maxPageSize));
  return { offset, page, rows: rows.slice(offset, offset + page) };
}
