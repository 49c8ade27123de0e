/**
 * ProxyShard residential routes (doc §3.3 #20–32): owner profile, sub-users (paged, `count` = total
 * before paging, capped per page by the server) and the targeting reference lists.
 */
import { type Api, int, ok, P, pageOf, type RouteContext, str, units } from './routes-common';
import { GIB, poolOf, poolRemain, SimFail, type SimSubUser, subUserOf } from './state';

const COUNTRIES = [
  { code: 'US', name: 'United States' },
  { code: 'DE', name: 'Germany' },
  { code: 'GB', name: 'United Kingdom' },
];

export function registerResidentialRoutes(ctx: RouteContext, api: Api): void {
  const { server } = ctx;
  const { traffic } = units(server);

  server.route(
    'GET',
    `${P}/proxies/profile`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      return ok({
        success: true,
        data: traffic(pool.dataBytes),
        data_remain: traffic(poolRemain(pool)),
        data_spent: traffic(pool.spentBytes),
        proxy_password: pool.proxyPassword,
      });
    }),
  );

  const userOut = (u: SimSubUser, withId: boolean, withRemain: boolean) => ({
    ...(withId ? { user_id: u.userId } : {}),
    first_name: u.firstName,
    proxy_password: u.proxyPassword,
    data: traffic(u.dataBytes),
    data_spent: traffic(u.spentBytes),
    ...(withRemain ? { data_remain: traffic(Math.max(0, u.dataBytes - u.spentBytes)) } : {}),
  });

  server.route(
    'GET',
    `${P}/proxies/sub-users`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const { rows } = pageOf(ctx, pool.subUsers, req);
      return ok({ success: true, count: pool.subUsers.length, data: rows.map((u) => userOut(u, true, true)) });
    }),
  );

  server.route(
    'GET',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      // An array even for one user; no user_id since v1.1.0.
      return ok({ success: true, data: [userOut(subUserOf(pool, req.params.uid ?? ''), false, false)] });
    }),
  );

  server.route(
    'POST',
    `${P}/proxies/sub-user`,
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const name = str(req.body.name);
      const gb = int(req.body.data);
      if (!name || gb === null || gb < 0) throw new SimFail(400, 'name and data (GB) are required');
      if (gb * GIB > poolRemain(pool)) throw new SimFail(400, 'Not enough traffic on the main account');
      pool.dataBytes -= gb * GIB;
      const u: SimSubUser = {
        userId: String(acc.nextUserId++),
        firstName: name,
        proxyPassword: `sp${acc.nextUserId}${name.length}Xq7`,
        dataBytes: gb * GIB,
        spentBytes: 0,
      };
      pool.subUsers.push(u);
      return ok({ success: true, data: [userOut(u, true, false)] });
    }),
  );

  server.route(
    'PATCH',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      const u = subUserOf(poolOf(acc, req.query.get('proxy_type')), req.params.uid ?? '');
      const name = str(req.body.name);
      if (!name) throw new SimFail(400, 'name is required');
      u.firstName = name;
      return ok({ success: true, message: 'Sub user edited successfully' });
    }),
  );

  server.route(
    'DELETE',
    `${P}/proxies/sub-user/:uid`,
    api((req, acc) => {
      for (const pool of Object.values(acc.pools)) {
        const i = pool.subUsers.findIndex((u) => u.userId === req.params.uid);
        if (i >= 0) {
          const [u] = pool.subUsers.splice(i, 1);
          if (u) pool.dataBytes += Math.max(0, u.dataBytes - u.spentBytes);
          return ok({ success: true, message: 'Sub user deleted successfully' });
        }
      }
      throw new SimFail(400, 'Sub user not found');
    }),
  );

  const moveTraffic = (sign: 1 | -1, message: string) =>
    api((req, acc) => {
      const pool = poolOf(acc, req.query.get('proxy_type'));
      const u = subUserOf(pool, req.params.uid ?? '');
      const gb = int(req.body.data);
      if (gb === null || gb < 1) throw new SimFail(400, 'data must be a positive integer (GB)');
      const bytes = gb * GIB;
      if (sign > 0 && bytes > poolRemain(pool)) throw new SimFail(400, 'Not enough traffic on the main account');
      if (sign < 0 && bytes > u.dataBytes - u.spentBytes) {
        throw new SimFail(400, 'Not enough unused traffic to subtract');
      }
      u.dataBytes += sign * bytes;
      pool.dataBytes -= sign * bytes;
      return ok({ success: true, message });
    });
  server.route('POST', `${P}/proxies/sub-user/:uid/data/add`, moveTraffic(1, 'Traffic added to sub user successfully'));
  server.route(
    'POST',
    `${P}/proxies/sub-user/:uid/data/subtract`,
    moveTraffic(-1, 'Traffic subtracted from sub user successfully'),
  );

  server.route(
    'POST',
    `${P}/proxies/sub-user/:uid/password`,
    api((req, acc) => {
      const u = subUserOf(poolOf(acc, req.query.get('proxy_type')), req.params.uid ?? '');
      u.proxyPassword = `${u.proxyPassword.slice(4)}${u.userId.slice(-2)}Rn`;
      return ok({ success: true, message: 'Sub user password changed successfully' });
    }),
  );

  // Targeting reference data: `{count, results}` without `success`, no paging.
  const all = (results: unknown[]) => ok({ count: results.length, results });
  server.route(
    'GET',
    `${P}/proxies/countries`,
    api((req, acc) => {
      poolOf(acc, req.query.get('proxy_type') === 'unlimited' ? 'standart' : req.query.get('proxy_type'));
      return all(COUNTRIES);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/regions`,
    api((req) => {
      const c = COUNTRIES.find((x) => x.code === req.query.get('country_code')?.toUpperCase());
      if (!c) throw new SimFail(400, 'country_code is required');
      return all([
        { code: `${c.code}-01`, name: `${c.name} North`, country: c },
        { code: `${c.code}-02`, name: `${c.name} South`, country: c },
      ]);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/cities`,
    api((req) => {
      const c = COUNTRIES.find((x) => x.code === req.query.get('country_code')?.toUpperCase());
      const region = req.query.get('region_code');
      if (!c || !region) throw new SimFail(400, 'country_code and region_code are required');
      return all([
        {
          code: `${region.toLowerCase()}-capital`,
          name: 'Capital',
          country: c,
          region: { code: region, name: region },
        },
      ]);
    }),
  );
  server.route(
    'GET',
    `${P}/proxies/isps`,
    api((req) => {
      if (req.query.get('proxy_type') !== 'premium') {
        throw new SimFail(400, 'ISP targeting is available for the premium package only');
      }
      return all([]);
    }),
  );
}
