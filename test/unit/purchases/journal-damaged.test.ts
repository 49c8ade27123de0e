import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A, B, makePurchaseEnv, order, type PurchaseEnv } from './helpers';

let env: PurchaseEnv;
beforeEach(() => {
  env = makePurchaseEnv();
});
afterEach(() => env.close());

const ID = '3c9d8a1e-5b7f-4c2a-9e1d-0a1b2c3d4e5f';

async function tryBuy(svc: ReturnType<PurchaseEnv['service']>, accountId: string, request = order()) {
  const q = await svc.quote({ selections: [env.sel(accountId, request)] });
  return svc.confirm({ quoteId: q.quoteId, totals: q.totals });
}

describe('a damaged purchase record', () => {
  it('torn text: moved aside, told in a notice, every purchase on that account blocked until released', async () => {
    env.service(); // creates the folder
    writeFileSync(
      join(env.journalDir, `${ID}.json`),
      `{"version":1,"id":"${ID}","accountId":"${A}","createdAt":"2026-02-01T09:00:00.000Z","sta`,
    );
    const svc = env.service();
    const names = readdirSync(env.journalDir);
    expect(names.some((n) => n.startsWith(`${ID}.damaged-`))).toBe(true);
    expect(existsSync(join(env.journalDir, `${ID}.json`))).toBe(false);
    expect(JSON.parse(readFileSync(join(env.journalDir, 'holds.json'), 'utf8')).holds).toHaveLength(1);
    expect(svc.notices().join(' ')).toMatch(
      new RegExp(
        `A record of a purchase on Shop · ProxyShard \\(${ID}\\.json\\) could not be read because it is damaged \\(not valid JSON\\)\\..*purchases on that account are blocked`,
      ),
    );
    // Any purchase on that account is refused; another account is not blocked.
    await expect(tryBuy(svc, A, order('anything'))).rejects.toThrow(/damaged and may have bought something/);
    expect(env.a.sent).toHaveLength(0);
    expect((await tryBuy(svc, B)).records[0]!.state).toBe('done');
    // Listed so it can be checked and released; the block survives a restart.
    expect(svc.list().find((r) => r.id === ID)?.state).toBe('uncertain');
    const again = env.service();
    await expect(tryBuy(again, A)).rejects.toThrow(/damaged/);
    // The user checked the dashboard and releases it.
    expect(again.resolve(ID, false).state).toBe('failed');
    expect((await tryBuy(again, A)).records[0]!.state).toBe('done');
    expect(
      env
        .service()
        .list()
        .some((r) => r.id === ID),
    ).toBe(false);
  });

  it('the account cannot be read either: every account is blocked', async () => {
    env.service();
    writeFileSync(join(env.journalDir, `${ID}.json`), '\u0000\u0000garbage');
    const svc = env.service();
    await expect(tryBuy(svc, B)).rejects.toThrow(/purchases on any account are blocked/);
    svc.resolve(ID, true);
    expect((await tryBuy(svc, B)).records[0]!.state).toBe('done');
  });

  it('readable but the wrong shape: rebuilt as an uncertain record that blocks the same purchase', async () => {
    env.service();
    const raw = {
      version: 1,
      id: ID,
      accountId: A,
      vendor: 'proxyshard',
      request: order(),
      state: 'sending',
      evidenceBefore: ['order:1'],
      createdAt: 'not a date at all',
      summary: 'order purchase',
      history: 'broken',
    };
    writeFileSync(join(env.journalDir, `${ID}.json`), JSON.stringify(raw));
    const svc = env.service();
    expect(readdirSync(env.journalDir).some((n) => n.startsWith(`${ID}.damaged-`))).toBe(true);
    expect(svc.list().map((r) => [r.id, r.state])).toEqual([[ID, 'uncertain']]);
    expect(svc.notices().join(' ')).toMatch(/listed with your purchases as not known yet/);
    await expect(tryBuy(svc, A)).rejects.toThrow(/not known yet/);
    expect((await tryBuy(svc, A, order('other'))).records[0]!.state).toBe('done');
    // Its evidence before sending was salvaged: reading settles it. The other purchase's new order is
    // not taken for it; an order nobody else created is.
    env.a.immediate = false;
    env.a.balance = null;
    expect((await svc.reconcile(ID)).state).toBe('uncertain');
    env.a.items.push('order:late');
    expect(await svc.reconcile(ID)).toMatchObject({ state: 'done', created: ['order:late'] });
  });

  it('a damaged holds file blocks every purchase until released', async () => {
    env.service();
    writeFileSync(join(env.journalDir, 'holds.json'), '{"version":1,"holds":[{"id"');
    const svc = env.service();
    await expect(tryBuy(svc, B)).rejects.toThrow(/on any account are blocked/);
    const listed = svc.list().filter((r) => r.state === 'uncertain');
    expect(listed).toHaveLength(1);
    svc.resolve(listed[0]!.id, false);
    expect((await tryBuy(svc, B)).records[0]!.state).toBe('done');
  });

  it('readable and already finished: only moved aside and told', async () => {
    env.service();
    writeFileSync(join(env.journalDir, `${ID}.json`), JSON.stringify({ id: ID, accountId: A, state: 'done' }));
    const svc = env.service();
    expect(svc.notices().join(' ')).toMatch(/it had already finished/);
    expect((await tryBuy(svc, A)).records[0]!.state).toBe('done');
  });
});
