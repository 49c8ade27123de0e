/**
 * Thordata's documented paths under the `/api` prefix. Auth: token + key in the query for GET,
 * in headers for POST. Business errors come back as HTTP 200 with `{code, data: {}, msg}`.
 */
import type { SimRequest, SimResponse, SimServer } from '../sim-server';
import type { CdkStore } from './cdk';
import { registerResidentialRoutes } from './residential';
import { balancingRoute, serverExtras } from './servers';
import { type ThordataState, ThorError } from './state';

export const API_PREFIX = '/api';

type Handler = (req: SimRequest, state: ThordataState) => unknown;

function envelope(data: unknown): SimResponse {
  return { json: { code: 200, data, msg: 'ok' } };
}

function fail(code: number, msg: string): SimResponse {
  return { json: { code, data: {}, msg } };
}

function header(req: SimRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export function registerRoutes(
  server: SimServer,
  state: ThordataState,
  creds: { token: string; key: string },
  cdk: CdkStore,
): void {
  const wrap =
    (method: 'GET' | 'POST', path: string, fn: Handler) =>
    (req: SimRequest): SimResponse => {
      const token = method === 'GET' ? (req.query.get('token') ?? '') : header(req, 'token');
      const key = method === 'GET' ? (req.query.get('key') ?? '') : header(req, 'key');
      // Wrong token reads as the legacy "sign" error, wrong key as the "apiKey" error (vendor §5.1).
      if (token !== creds.token) return fail(10013, 'token error');
      if (key !== creds.key) return fail(10014, 'key error');
      try {
        const data = fn(req, state);
        const patch = state.patches.get(path);
        return envelope(patch ? patch(data) : data);
      } catch (e) {
        if (e instanceof ThorError) return fail(e.code, e.message);
        throw e;
      }
    };
  const get = (path: string, fn: Handler) => server.route('GET', `${API_PREFIX}${path}`, wrap('GET', path, fn));
  const post = (path: string, fn: Handler) => server.route('POST', `${API_PREFIX}${path}`, wrap('POST', path, fn));

  get('/account/wallet-balance', (_r, s) => s.walletBalance());
  get('/account/traffic-balance', (_r, s) => s.trafficBalance());
  get('/account/usage-statistics', (r, s) => s.usageStatistics(r.query));

  get('/proxy-users/user-list', (r, s) => s.userList(r.query));
  post('/proxy-users/create-user', (r, s) => s.createUser(r.body));
  post('/proxy-users/update-user', (r, s) => s.updateUser(r.body));
  post('/proxy-users/delete-user', (r, s) => s.deleteUser(r.body));
  get('/proxy-users/usage-statistics', (r, s) => s.userUsage(r.query, false));
  get('/proxy-users/usage-statistics-hour', (r, s) => s.userUsage(r.query, true));

  get('/whitelisted-ips/ip-list', (r, s) => s.whitelistList(r.query));
  post('/whitelisted-ips/add-ip', (r, s) => s.whitelistAdd(r.body));
  post('/whitelisted-ips/delete-ip', (r, s) => s.whitelistDelete(r.body));

  get('/proxy/proxy-list', (r, s) => s.proxyList(r.query));
  get('/proxy/expiration-time', (r, s) => s.proxyExpiration(r.query));

  get('/unlimited/server-list', (_r, s) => s.serverList());
  post('/unlimited/restart-server', (r, s) => s.restart(r.body));
  post('/unlimited/renew', (r, s) => s.renew(r.body));
  post('/unlimited/upgrade', (r, s) => s.upgrade(r.body));
  // Monitors and bound sub-users (servers.ts); S4 answers its own `{status_code, payload}` envelope.
  const extras = serverExtras(server, state);
  get('/unlimited/server-monitor', (r) => extras.serverMonitor(r.query));
  server.route('GET', `${API_PREFIX}/unlimited/balancing-monitor`, balancingRoute(extras, state, creds));
  post('/get_unlimited_servers_bind_user', (r) => extras.list(r.body));
  post('/add_unlimited_servers_bind_user', (r) => extras.add(r.body));
  post('/del_unlimited_servers_bind_user', (r) => extras.remove(r.body));

  // CDK (§3.8): documented on api.thordata.com only; one simulator serves both hosts' paths.
  post('/cdk/create', (r) => cdk.create(r.body));
  get('/cdk/list', (r) => cdk.list(r.query));
  post('/cdk/revoke', (r) => cdk.revoke(r.body));
  get('/cdk/info', (r) => cdk.info(r.query));

  // Residential locations (L1–L4) and the extract links E1/E2 (residential.ts).
  registerResidentialRoutes(get, server, state);
}
