/**
 * A key never leaves main, in any spelling (issue 10, point 2). Keys made of each special-character set
 * are planted in every vendor's simulator; a hostile `echo` fault answers calls with the vendor's error
 * envelope spelling the request back (URL, headers with the auth ones, body) in every form. Through a
 * real core, every IPC answer, every event, every file under the data folder and the log must hold no
 * spelling of any key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, logFile } from '../../main/core/app-core';
import { createLogger } from '../../main/core/logging/logger';
import type { BackendCtor } from '../../main/core/store/open-file';
import { MemoryVault } from '../../main/core/vault/memory-vault';
import { ECHO_FORMS, type EchoForm } from '../../main/simulators/echo';
import { SIMULATOR_FACTORIES } from '../../main/simulators/registry';
import type { Fault } from '../../main/simulators/sim-server';
import type { VendorSimulator } from '../../main/simulators/types';
import { VENDOR_MODULES } from '../../main/vendors/registry';
import type { Channel, ChannelArgs, ChannelResponses } from '../../preload/contract/channels';
import type { Result } from '../../preload/contract/errors';
import type { AccountSnapshot, RenewTarget, VendorId } from '../../preload/contract/model';
import type { Credentials } from '../../preload/contract/vendors';
import { leaksIn } from '../helpers/key-spellings';
import { tempDir } from '../helpers/tmp';

/** Keys made of each character set (no spaces: the add-account form refuses them; see the client test). */
const KEY_SETS: Record<string, string> = {
  specials: "k~!'()*+=:@$éß/?#&%Key9",
  unreserved: 'Az09-._~Az09-._~Zz',
  literalEscape: 'key%41%2Bvalue%zz%25x',
  jsonHostile: 'k"\\q<>{}[]|^`é;,json',
  cjkAstral: 'k😀漢字key-ßé-astral',
};

/** The credentials each vendor asks for (preload/contract/vendors.ts), within what its check accepts. */
function plant(vendor: VendorId, base: string): Credentials {
  switch (vendor) {
    case 'thordata':
      return { token: `${base}-T`, key: `K-${base}` };
    case 'proxyshard':
      return { apiKey: base };
    case 'youproxy':
      // The key is a URL path segment: YouProxy's check refuses slashes, "?" and "#".
      return { apiKey: base.replace(/[/\\?#]/g, '') };
    case 'bestproxy':
      return { appKey: `${base}-appkey` };
  }
}

/** Header auth can only carry latin1: undici refuses anything else before sending. */
const headerSafe = (c: Credentials) => Object.values(c).every((v) => /^[\x20-\xff]*$/.test(v));

const VENDOR_LIST: VendorId[] = ['thordata', 'proxyshard', 'youproxy', 'bestproxy'];
const STATUSES = [200, 400, 500];
const FORMS: EchoForm[] = ['all', ...ECHO_FORMS];
const Backend = Conf as unknown as BackendCtor;
/** The renewal write itself, where an execute first re-checks the price with another POST. */
const WRITE_PATH: Partial<Record<VendorId, string>> = {
  youproxy: '/v1/[^/]+/extend(/order)?$',
  bestproxy: '/order/create',
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Renewable items of one kind in a snapshot, most likely to quote cleanly first. */
function candidates(snap: AccountSnapshot, kind: RenewTarget['kind']): RenewTarget[] {
  const t = (id: string, label: string, expiresAt: string | null): RenewTarget => ({ kind, id, label, expiresAt });
  if (kind === 'ip') {
    return snap.proxies
      .filter((p) => p.status === 'active')
      .sort((a, b) => Number(a.kind === 'ipv6') - Number(b.kind === 'ipv6'))
      .map((p) => t(p.id, p.ip, p.expiresAt));
  }
  if (kind === 'order') {
    return [...snap.orders]
      .sort((a, b) => Number(b.status === 'on-hold') - Number(a.status === 'on-hold'))
      .map((o) => t(o.id, o.id, o.expiresAt));
  }
  return snap.servers.map((s) => t(s.id, s.id, s.expiresAt));
}

async function scenario(vendor: VendorId, credentials: Credentials) {
  const { dir, cleanup } = tempDir('proxydeck-keyleak-');
  const sim: VendorSimulator = SIMULATOR_FACTORIES[vendor]({ seed: 11, credentials });
  await sim.listen();
  const log = createLogger({ file: logFile(dir), level: 'debug' });
  const core = await createCore({
    dataDir: dir,
    Backend,
    vault: new MemoryVault(),
    vendors: { [vendor]: VENDOR_MODULES[vendor] },
    version: 't',
    baseUrls: { [vendor]: sim.baseUrl() },
    log,
    transport: { retry: { max: 1, baseMs: 1, capMs: 2 }, timeouts: { deadlineMs: 5000 } },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.shutdown();
    await sim.close();
  };
  cleanups.push(cleanup, close);

  const seen: string[] = [];
  /** Every file under the data folder, read at several moments (a later good refresh clears errors). */
  const files: [string, string][] = [];
  const readFiles = (when: string) => {
    for (const f of filesUnder(dir)) files.push([`${when} ${f.slice(dir.length)}`, readFileSync(f, 'utf8')]);
  };
  core.events.on((e) => seen.push(JSON.stringify(e)));
  const call = async <C extends Channel>(ch: C, ...args: ChannelArgs<C>) => {
    const r = (await core.dispatch(ch, args)) as Result<ChannelResponses[C]>;
    seen.push(`${ch} ${JSON.stringify(r)}`);
    return r;
  };
  // Each call is echoed in the next form in turn, so every form reaches every kind of call.
  let turn = 0;
  const echo = (f: Partial<Fault> = {}) => {
    sim.server.clearFaults();
    sim.server.injectFault({ kind: 'echo', times: 0, form: FORMS[turn++ % FORMS.length], ...f });
  };
  const clean = () => sim.server.clearFaults();
  /** Requests that reached the renewal write (and so got the echo during execute). */
  const writes = () =>
    sim.server.requests.filter((r) => r.method === 'POST' && new RegExp(WRITE_PATH[vendor] ?? '').test(r.path)).length;

  // 1. The key checked before it is saved, answered by every echo form and status.
  for (const status of STATUSES) {
    for (const form of FORMS) {
      echo({ status, form });
      const r = await call('accounts:testCredentials', { vendor, credentials });
      expect(r.ok && r.data.ok).toBe(false);
    }
  }

  // 2. Added while the vendor echoes: the first refresh fails and its error is saved (lastError).
  echo();
  const added = await call('accounts:add', { vendor, label: 'Planted', credentials });
  if (!added.ok) throw new Error(`add refused: ${added.error.message}`);
  const id = added.data.id;
  await core.refresh.idle();
  for (const status of STATUSES) {
    echo({ status });
    await call('accounts:test', { id });
    await call('accounts:refresh', { ids: [id] });
    await core.refresh.idle();
    await call('accounts:list');
  }
  // Only the first few requests echo: the other sections load, the failed ones keep their error.
  for (const times of [1, 3]) {
    echo({ times, status: 400 });
    await call('accounts:refresh', { ids: [id] });
    await core.refresh.idle();
  }
  await call('snapshots:list');
  readFiles('after the echoed refreshes');

  // 3. A clean refresh for real data, then every account operation the vendor offers, echoed.
  clean();
  await call('accounts:refresh', { ids: [id] });
  await core.refresh.idle();
  const check = await call('accounts:test', { id });
  const accepted = check.ok && check.data.ok;
  const snaps = await call('snapshots:list');
  const snap = snaps.ok ? snaps.data.find((s) => s.accountId === id) : undefined;
  const caps = new Set(VENDOR_MODULES[vendor].capabilities);
  echo();
  if (caps.has('whitelistEdit')) {
    await call('whitelist:add', { accountId: id, ips: ['203.0.113.9'] });
    await call('whitelist:remove', { accountId: id, ips: ['203.0.113.9'], verifyCode: '123456' });
  }
  if (caps.has('subUsersEdit')) {
    await call('subusers:create', {
      accountId: id,
      username: 'leaktest',
      password: 'pw-12345678',
      limitBytes: 2 ** 30,
    });
    const su = snap?.subUsers[0];
    if (su) {
      await call('subusers:update', { accountId: id, id: su.id, patch: { limitBytes: 2 ** 31 } });
      await call('subusers:delete', { accountId: id, id: su.id });
    }
  }
  if (caps.has('traffic')) {
    const now = Date.now();
    await call('traffic:get', { accountId: id, from: day(now - 7 * DAY), to: day(now), granularity: 'day' });
  }

  // 4. Money: a price check echoed; then a clean quote executed with the vendor's write echoed.
  let executed = false;
  for (const kind of ['ip', 'order', 'server'] as const) {
    if (executed || !snap) break;
    clean();
    const periods = await call('renewals:periods', { accountId: id, kind });
    if (!periods.ok || periods.data.length === 0) continue;
    const periodId = periods.data[0]!.id;
    for (const target of candidates(snap, kind).slice(0, 4)) {
      const selection = [{ accountId: id, targets: [target], periodId }];
      echo();
      await call('renewals:quote', selection);
      clean();
      const quote = await call('renewals:quote', selection);
      if (!quote.ok || quote.data.blocked.length > 0) continue;
      echo({ method: 'POST', ...(WRITE_PATH[vendor] ? { path: WRITE_PATH[vendor] } : {}) });
      const before = writes();
      await call('renewals:execute', {
        quoteId: quote.data.quoteId,
        totals: quote.data.totals,
        acceptUnknownPrices: true,
      });
      executed = writes() > before;
      if (executed) break;
    }
  }
  if (caps.has('autoRenew') && snap?.orders[0]) {
    echo();
    await call('renewals:autoRenew', { accountId: id, kind: 'order', ids: [snap.orders[0].id], enabled: true });
  }
  // Unknown outcomes are settled by reading: first while the vendor still echoes, then cleanly.
  for (const phase of ['echo', 'clean'] as const) {
    if (phase === 'echo') echo();
    else clean();
    const ops = await call('renewals:operations');
    for (const op of ops.ok ? ops.data : []) {
      await call('renewals:reconcile', { operationId: op.id });
      if (phase === 'echo') await call('renewals:retry', { operationId: op.id });
    }
  }
  readFiles('after the renewals');
  clean();
  for (const ch of ['renewals:operations', 'renewals:holds', 'audit:list', 'audit:csv', 'app:info'] as const) {
    await call(ch);
  }
  // Ends on an echoed refresh, so the saved files keep the hostile error.
  echo({ status: 400 });
  await call('accounts:refresh', { ids: [id] });
  await core.refresh.idle();
  await call('accounts:list');
  await close();
  log.flush();
  readFiles('at the end');
  return { seen, files, executed, accepted };
}

describe('no key leaves main, in any spelling', () => {
  for (const vendor of VENDOR_LIST) {
    for (const [setName, base] of Object.entries(KEY_SETS)) {
      const credentials = plant(vendor, base);
      const reachesVendor = vendor !== 'proxyshard' || headerSafe(credentials);
      it(`${vendor}, key with ${setName}: answers, events, files and the log hold no spelling of it`, async () => {
        const { seen, files, executed, accepted } = await scenario(vendor, credentials);
        const keys = Object.values(credentials);
        // The simulator accepts the planted key (so the writes below really were authorised).
        expect(accepted).toBe(reachesVendor);
        // The hostile answers really were given (a key undici cannot send never reaches the vendor).
        if (reachesVendor) expect(seen.join('\n')).toMatch(/said|refused/);
        // A renewal reached the vendor's echoed write (Thordata's header auth cannot carry CJK).
        if (reachesVendor && !(vendor === 'thordata' && !headerSafe(credentials))) expect(executed).toBe(true);

        const leaks: string[] = [];
        for (const [i, text] of seen.entries()) for (const l of leaksIn(text, keys)) leaks.push(`answer ${i}: ${l}`);
        for (const [name, text] of files) for (const l of leaksIn(text, keys)) leaks.push(`${name}: ${l}`);
        // What was searched: the log, and the vendor's echo saved as the account's last error or as the
        // snapshot's section errors (ProxyShard's refresh fails per section, not as a whole).
        expect(files.some(([name, text]) => name.endsWith('main.log') && text.length > 0)).toBe(true);
        if (reachesVendor) {
          const saved = files.filter(([name]) => name.startsWith('at the end') && !name.endsWith('main.log'));
          expect(saved.map(([, text]) => text).join('')).toMatch(/"(lastError|errors)":\s*\{[^}]*Bad request/);
        }
        expect(leaks).toEqual([]);
      }, 60_000);
    }
  }
});

describe('a key with spaces (the add-account form refuses it; a client given one still keeps it in)', () => {
  const SPACED = 'key with  spaces+plus~é';
  for (const vendor of VENDOR_LIST) {
    it(`${vendor}: every check, read and error message is free of it under every echo`, async () => {
      const credentials = plant(vendor, SPACED);
      const sim = SIMULATOR_FACTORIES[vendor]({ seed: 11, credentials });
      await sim.listen();
      cleanups.push(() => sim.close());
      const lines: string[] = [];
      const log = {
        debug: (o: object, m: string) => lines.push(`${JSON.stringify(o)} ${m}`),
        warn: (o: object, m: string) => lines.push(`${JSON.stringify(o)} ${m}`),
      };
      const client = VENDOR_MODULES[vendor].create({
        credentials,
        baseUrl: sim.baseUrl(),
        log,
        transport: { retry: { max: 1, baseMs: 1, capMs: 2 } },
      });
      // The simulator takes the spaced key as it is: the echoes below answer an authorised client.
      expect((await client.testConnection()).ok).toBe(true);
      const texts: string[] = [];
      for (const status of STATUSES) {
        for (const form of FORMS) {
          sim.server.clearFaults();
          sim.server.injectFault({ kind: 'echo', times: 0, status, form });
          const check = await client.testConnection();
          expect(check.ok).toBe(false);
          texts.push(check.message);
          for (const read of [() => client.getBalance(), () => client.listProxies()]) {
            texts.push(
              await read().then(
                (v) => JSON.stringify(v),
                (e: Error) => e.message,
              ),
            );
          }
        }
      }
      expect(texts.some((t) => t.includes('Bad request'))).toBe(true);
      const leaks = [...texts, ...lines].flatMap((t, i) =>
        leaksIn(t, Object.values(credentials)).map((l) => `${i}: ${l}`),
      );
      expect(leaks).toEqual([]);
    });
  }
});

describe('the echo fault', () => {
  it('answers with the vendor envelope spelling back the URL, the headers and the body, at the status asked', async () => {
    const sim = SIMULATOR_FACTORIES.proxyshard({ seed: 11 });
    await sim.listen();
    cleanups.push(() => sim.close());
    const body = '{"note":"é \\"q\\""}';
    const send = () =>
      fetch(`${sim.baseUrl()}/user/api/v1/me?x=a%2Bb+c`, {
        method: 'POST',
        headers: { authorization: 'Bearer s3cr3t~key', 'content-type': 'application/json' },
        body,
      });
    for (const status of STATUSES) {
      sim.server.injectFault({ kind: 'echo', status });
      const res = await send();
      expect(res.status).toBe(status);
      const json = (await res.json()) as { success: boolean; message: string };
      expect(json.success).toBe(false);
      const lines = json.message.split('\n');
      expect(lines.filter((l) => l.startsWith('Bad request (')).map((l) => l.slice(13, l.indexOf(')')))).toEqual([
        ...ECHO_FORMS,
      ]);
      expect(json.message).toContain('POST /user/api/v1/me?x=a%2Bb+c');
      expect(json.message).toContain('authorization: Bearer s3cr3t~key');
      expect(json.message).toContain(body);
      expect(json.message).toContain('x=a+b c'); // decoded
      expect(json.message).toContain('%2fuser%2fapi'); // lower-case hex
      expect(json.message).toContain('Bearer+s3cr3t%7Ekey'); // form ('~' escaped, '+' for space)
      expect(json.message).toContain('\\"note\\":\\"\\u00e9'); // JSON-escaped
      expect(json.message).toContain(Buffer.from('POST /user/api/v1/me').toString('base64').slice(0, 24));
    }
    sim.server.injectFault({ kind: 'echo', form: 'base64url' });
    const one = (await (await send()).json()) as { message: string };
    expect(one.message).toMatch(/^Bad request \(base64url\): [A-Za-z0-9_-]+$/);
  });
});
