/** Dialect A routes: proxy accounts, IP allowlist, traffic log, packages, static IPs. */
import type { SimRequest, SimResponse } from '../sim-server';
import { accountUsageKb } from './seed-data';
import { DAY_MS, parseTime, stampStatic, staticIpStatus, ymd, ymdHis } from './state';
import { authed, failA, field, gb, intOf, kb, okA, pageOf, paging, type SimContext, str, verifiedOnly } from './wire';

const ALNUM = /^[A-Za-z0-9]+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ACCOUNT_TYPES = new Set([9, 11, 14, 25]);

const list = (v: unknown): string[] =>
  (str(v) ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function registerAccountRoutes(ctx: SimContext): void {
  const { server, state } = ctx;
  const a = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'A', h);
  const av = (h: (req: SimRequest) => SimResponse) => authed(ctx, 'A', verifiedOnly(ctx, h));
  const findAccount = (name: unknown) => state.accounts.find((x) => x.username === str(name));

  // #1
  server.route(
    'GET',
    '/gateway/whitelist-account/list',
    a(() =>
      okA({
        list: state.accounts.map((x) => ({
          id: x.id,
          username: x.username,
          password: x.password,
          created_at: ymdHis(x.createdAt),
          remark: x.remark,
          product_type: x.productType,
          usage_flow: kb(ctx, accountUsageKb(x)),
          limit_flow: gb(ctx, x.limitGb),
          status: x.status,
        })),
      }),
    ),
  );

  // #2
  server.route(
    'POST',
    '/gateway/whitelist-account/add',
    av((req) => {
      const pairs = list(field(req, 'accounts'));
      const type = intOf(field(req, 'product_type'));
      if (pairs.length === 0) return failA(400, 'accounts 不能为空');
      if (type === null || !ACCOUNT_TYPES.has(type)) return failA(400, 'product_type 无效');
      const parsed = pairs.map((p) => p.split(':'));
      for (const [u, pw, extra] of parsed) {
        if (!u || !pw || extra !== undefined || !ALNUM.test(u) || !ALNUM.test(pw)) {
          return failA(400, '账号密码只能包含字母和数字 (letters and digits only)');
        }
        if (findAccount(u)) return failA(400, `账号 ${u} 已存在 (account exists)`);
      }
      const remark = str(field(req, 'remark')) ?? '';
      for (const [u, pw] of parsed) {
        state.accounts.push({
          id: ++state.nextId.account,
          username: u as string,
          password: pw as string,
          remark,
          productType: type,
          limitGb: 0,
          dailyLimitGb: 0,
          status: 1,
          udp: 0,
          createdAt: ctx.now(),
          daily: new Map(),
        });
      }
      return okA(null);
    }),
  );

  // #3, #4, #5: batch by username
  const batch = (path: string, apply: (names: string[]) => void) =>
    server.route(
      'POST',
      path,
      av((req) => {
        const names = list(field(req, 'accounts'));
        if (names.length === 0) return failA(400, 'accounts 不能为空');
        const missing = names.find((n) => !findAccount(n));
        if (missing) return failA(400, `账号 ${missing} 不存在 (account not found)`);
        apply(names);
        return okA(null);
      }),
    );
  batch('/gateway/whitelist-account/delete', (names) => {
    state.accounts = state.accounts.filter((x) => !names.includes(x.username));
  });
  batch('/gateway/whitelist-account/disable', (names) => {
    for (const n of names) findAccount(n)!.status = 0;
  });
  batch('/gateway/whitelist-account/enable', (names) => {
    for (const n of names) findAccount(n)!.status = 1;
  });

  // #6, #7, #8: one account, one attribute
  const single = (
    path: string,
    apply: (req: SimRequest, acc: NonNullable<ReturnType<typeof findAccount>>) => SimResponse | null,
  ) =>
    server.route(
      'POST',
      path,
      av((req) => {
        const acc = findAccount(field(req, 'account'));
        if (!acc) return failA(400, '账号不存在 (account not found)');
        return apply(req, acc) ?? okA(null);
      }),
    );
  single('/gateway/whitelist-account/change-password', (req, acc) => {
    const pw = str(field(req, 'password'));
    if (!pw || !ALNUM.test(pw)) return failA(400, '密码只能包含字母和数字');
    acc.password = pw;
    return null;
  });
  single('/gateway/whitelist-account/change-remark', (req, acc) => {
    const remark = str(field(req, 'remark')) ?? '';
    if (remark.length > 64) return failA(400, '备注过长 (remark too long)');
    acc.remark = remark;
    return null;
  });
  single('/gateway/whitelist-account/change-limit', (req, acc) => {
    const limit = intOf(field(req, 'limit'));
    if (limit === null || limit < 0 || limit > 102_400) return failA(400, 'limit 必须是 0-102400 的整数 (GB)');
    acc.limitGb = limit;
    return null;
  });

  // #9: several attributes at once
  server.route(
    'POST',
    '/gateway/proxy-account/change',
    a((req) => {
      const acc = findAccount(field(req, 'account'));
      if (!acc) return failA(400, '账号不存在 (account not found)');
      const pw = field(req, 'password');
      const remark = field(req, 'remark');
      const limit = field(req, 'limit');
      const daily = field(req, 'daily_limit');
      const status = field(req, 'status');
      const udp = field(req, 'udp');
      if (pw !== undefined && !/^[A-Za-z0-9]{6,16}$/.test(str(pw) ?? '')) return failA(400, '密码为6-16位字母或数字');
      for (const [name, v] of [
        ['limit', limit],
        ['daily_limit', daily],
      ] as const) {
        const n = intOf(v);
        if (v !== undefined && (n === null || n < 0 || n > 102_400)) return failA(400, `${name} 无效`);
      }
      if (status !== undefined && intOf(status) !== 0 && intOf(status) !== 1) return failA(400, 'status 无效');
      if (udp !== undefined && ![14, 16, 21, 25].includes(acc.productType)) return failA(400, '该套餐不支持UDP');
      if (pw !== undefined) acc.password = str(pw)!;
      if (remark !== undefined) acc.remark = str(remark) ?? '';
      if (limit !== undefined) acc.limitGb = intOf(limit)!;
      if (daily !== undefined) acc.dailyLimitGb = intOf(daily)!;
      if (status !== undefined) acc.status = intOf(status) as 0 | 1;
      if (udp !== undefined) acc.udp = intOf(udp) === 1 ? 1 : 0;
      return okA(null);
    }),
  );

  // #10–#12 allowlist
  server.route(
    'GET',
    '/gateway/proxy-ip/list',
    a((req) => {
      const type = intOf(req.query.get('product_type'));
      return okA({
        list: state.whitelist
          .filter((w) => type === null || w.productType === type)
          .map((w) => ({ ip: w.ip, remark: w.remark, product_type: w.productType, created_at: ymdHis(w.createdAt) })),
      });
    }),
  );
  server.route(
    'POST',
    '/gateway/proxy-ip/add',
    a((req) => {
      const ips = list(field(req, 'ips'));
      const type = intOf(field(req, 'product_type'));
      if (ips.length === 0) return failA(400, 'ips 不能为空');
      if (type === null) return failA(400, 'product_type 不能为空');
      if (type === 11 && intOf(field(req, 'user_product_id')) === null) return failA(400, 'user_product_id 不能为空');
      const bad = ips.find((ip) => !IPV4.test(ip) || ip.split('.').some((o) => Number(o) > 255));
      if (bad) return failA(400, `IP格式错误: ${bad}`);
      for (const ip of ips) {
        if (state.whitelist.some((w) => w.ip === ip && w.productType === type)) continue;
        state.whitelist.push({ ip, remark: str(field(req, 'remark')) ?? '', productType: type, createdAt: ctx.now() });
      }
      return okA(null);
    }),
  );
  server.route(
    'POST',
    '/gateway/proxy-ip/delete',
    a((req) => {
      const ips = list(field(req, 'ips'));
      const type = str(field(req, 'verify_type'));
      if (ips.length === 0) return failA(400, 'ips 不能为空');
      if (!type || !['phone', 'email', 'wechat', 'totp'].includes(type)) return failA(400, 'verify_type 无效');
      if (str(field(req, 'verify_code')) !== state.verifyCode)
        return failA(400, '验证码错误 (wrong verification code)');
      if (!state.whitelist.some((w) => ips.includes(w.ip))) return failA(400, 'IP不存在 (IP not in allowlist)');
      state.whitelist = state.whitelist.filter((w) => !ips.includes(w.ip));
      return okA(null);
    }),
  );

  // #13 daily traffic (KB); default window: the last 7 days
  server.route(
    'GET',
    '/gateway/user-usage-flow/total',
    av((req) => {
      const now = ctx.now();
      const start = parseTime(req.query.get('start_time')) ?? new Date(now.getTime() - 7 * DAY_MS);
      const end = parseTime(req.query.get('end_time')) ?? now;
      const username = req.query.get('username');
      const type = intOf(req.query.get('product_type'));
      const days = new Map<string, number>();
      for (const acc of state.accounts) {
        if (username && acc.username !== username) continue;
        if (type !== null && acc.productType !== type) continue;
        for (const [day, v] of acc.daily) {
          const t = Date.parse(`${day}T00:00:00Z`);
          if (t < Date.parse(`${ymd(start)}T00:00:00Z`) || t > end.getTime()) continue;
          days.set(day, (days.get(day) ?? 0) + v);
        }
      }
      const rows = [...days.entries()].sort(([x], [y]) => x.localeCompare(y));
      return okA({ list: rows.map(([day, flow]) => ({ day, flow: kb(ctx, flow) })) });
    }),
  );

  // #14 packages (page/size; data-level paging fields)
  server.route(
    'GET',
    '/gateway/user-product/list',
    av((req) => {
      const pg = paging(ctx, req, 'page', 'size');
      const tradeNo = req.query.get('trade_no');
      const type = intOf(req.query.get('product_type'));
      const rows = state.packages
        .filter((p) => (!tradeNo || p.tradeNo === tradeNo) && (type === null || p.productType === type))
        .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || x.id - y.id);
      const orderOf = (t: string) => state.orders.find((o) => o.tradeNo === t);
      const one = pageOf(rows, pg);
      return okA({
        list: one.rows.map((p) => {
          const o = orderOf(p.tradeNo);
          return {
            id: p.id,
            created_at: ymdHis(p.createdAt),
            expired_at: ymdHis(p.expiredAt),
            product_type: p.productType,
            trade_no: p.tradeNo,
            order: {
              created_at: ymdHis(o?.createdAt ?? p.createdAt),
              pay_at: o?.payAt ? ymdHis(o.payAt) : '',
              title: o?.title ?? p.title,
            },
          };
        }),
        page: pg.page,
        page_size: one.pageSize,
        total_count: one.total,
        total_page: one.totalPages,
      });
    }),
  );

  // #15 summary over traffic packages (KB)
  server.route(
    'GET',
    '/gateway/user-product/summary',
    av((req) => {
      const type = intOf(req.query.get('product_type')) ?? 9;
      if (type !== 9 && type !== 12) return failA(400, 'product_type 仅支持 9 或 12');
      const now = ctx.now().getTime();
      const pk = state.packages.filter((p) => p.productType === type);
      const valid = pk.filter((p) => p.expiredAt.getTime() > now);
      const expired = pk.filter((p) => p.expiredAt.getTime() <= now);
      const soon = valid.filter((p) => p.expiredAt.getTime() - now <= 7 * DAY_MS);
      const left = (ps: typeof pk) => ps.reduce((s, p) => s + (p.totalKb - p.usedKb), 0);
      const sum = (ps: typeof pk, f: (p: (typeof pk)[number]) => number) => ps.reduce((s, p) => s + f(p), 0);
      return okA({
        total: kb(
          ctx,
          sum(pk, (p) => p.totalKb),
        ),
        total_count: pk.length,
        effective: kb(ctx, left(valid)),
        effective_count: valid.length,
        effective_total: kb(
          ctx,
          sum(valid, (p) => p.totalKb),
        ),
        effective_used: kb(
          ctx,
          sum(valid, (p) => p.usedKb),
        ),
        temporary: kb(ctx, left(soon)),
        temporary_count: soon.length,
        expired: kb(ctx, left(expired)),
        expired_count: expired.length,
        used: kb(
          ctx,
          sum(pk, (p) => p.usedKb),
        ),
      });
    }),
  );

  // #24 static IPs: the doc's example is `{}`; this shape is the simulator's assumption (see README).
  // Times alternate between "Y-m-d H:i:s" and ISO-8601 by id; paging as #14 (capped server-side).
  server.route(
    'GET',
    '/gateway/ip/get-static-ip',
    a((req) => {
      const now = ctx.now();
      const pg = paging(ctx, req, 'page', 'size');
      const cc = req.query.get('country_code')?.toUpperCase();
      const type = intOf(req.query.get('product_type'));
      const tradeNo = req.query.get('trade_no');
      const status = intOf(req.query.get('status'));
      const rows = state.ips.filter(
        (i) =>
          (!cc || i.countryCode === cc) &&
          (type === null || i.productType === type) &&
          (!tradeNo || i.tradeNo === tradeNo) &&
          (status === null || staticIpStatus(i, now) === status),
      );
      const one = pageOf(rows, pg);
      return okA({
        list: one.rows.map((i) => ({
          id: i.id,
          ip: i.ip,
          port: i.port,
          socks5_port: i.socksPort,
          username: i.username,
          password: i.password,
          country_code: i.countryCode,
          product_type: i.productType,
          user_product_id: i.packageId,
          trade_no: i.tradeNo,
          status: staticIpStatus(i, now),
          created_at: stampStatic(i.createdAt, i.id + 1),
          expired_at: i.expiryText ?? stampStatic(i.expiredAt, i.id),
        })),
        page: pg.page,
        page_size: one.pageSize,
        total_count: one.total,
        total_page: one.totalPages,
      });
    }),
  );
}
