/**
 * The renderer's snapshot store fetches only the accounts that changed: per-account versions from
 * main, `known` sent with every request, events for a version already held cost nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApi, type Invoke } from '../../preload/contract/api';
import type { ChannelArgs, SnapshotVersion } from '../../preload/contract/channels';
import type { AccountSnapshot } from '../../preload/contract/model';
import { encodeSnapshot } from '../../preload/contract/proxy-columns';
import { setApiForTests } from '../../renderer/api';
import { useSnapshotsStore } from '../../renderer/stores/snapshots';

const A = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7a';
const B = '0b7f2c1e-5d4a-4e8b-9c3d-2a1f0e9d8c7b';

const snap = (accountId: string, tag: string): AccountSnapshot => ({
  accountId,
  fetchedAt: tag,
  balance: null,
  orders: [],
  proxies: [],
  whitelist: [],
  subUsers: [],
  servers: [],
  traffic: [],
  errors: {},
});

/** A fake main: versions and snapshots per account, and every snapshots:get it was asked. */
let main: Map<string, { version: number; snapshot: AccountSnapshot }>;
let asked: ChannelArgs<'snapshots:get'>[0][];

beforeEach(() => {
  main = new Map([
    [A, { version: 1, snapshot: snap(A, 'a1') }],
    [B, { version: 1, snapshot: snap(B, 'b1') }],
  ]);
  asked = [];
  const invoke = (async (channel: string, input: ChannelArgs<'snapshots:get'>[0]) => {
    if (channel !== 'snapshots:get') throw new Error(`unexpected ${channel}`);
    asked.push(structuredClone(input));
    const ids = input.ids ?? [...main.keys()];
    const data: SnapshotVersion[] = ids.map((id) => {
      const m = main.get(id);
      if (!m) return { accountId: id, version: 0, snapshot: null };
      return input.known?.[id] === m.version
        ? { accountId: id, version: m.version }
        : { accountId: id, version: m.version, snapshot: encodeSnapshot(m.snapshot) };
    });
    return { ok: true, data };
  }) as unknown as Invoke;
  setApiForTests(buildApi(invoke, () => () => {}));
  useSnapshotsStore.setState({ byAccount: {}, versions: {}, loaded: false, error: null });
});
afterEach(() => setApiForTests(null));

describe('renderer snapshots store', () => {
  it('loads every account once, then an event fetches only that account; a version already held fetches nothing', async () => {
    await useSnapshotsStore.getState().fetch();
    expect(Object.keys(useSnapshotsStore.getState().byAccount).sort()).toEqual([A, B]);
    const bBefore = useSnapshotsStore.getState().byAccount[B];

    main.set(A, { version: 2, snapshot: snap(A, 'a2') });
    await useSnapshotsStore.getState().updated(A, 2);
    expect(asked.at(-1)).toEqual({ ids: [A], known: { [A]: 1 } });
    expect(useSnapshotsStore.getState().byAccount[A]!.fetchedAt).toBe('a2');
    expect(useSnapshotsStore.getState().byAccount[B]).toBe(bBefore); // untouched

    const calls = asked.length;
    await useSnapshotsStore.getState().updated(A, 2);
    expect(asked.length).toBe(calls);
  });

  it('a full reload (accounts changed) sends the versions held: unchanged accounts do not travel, removed ones go', async () => {
    await useSnapshotsStore.getState().fetch();
    const aBefore = useSnapshotsStore.getState().byAccount[A];
    main.delete(B);
    await useSnapshotsStore.getState().fetch();
    expect(asked.at(-1)).toEqual({ known: { [A]: 1, [B]: 1 } });
    expect(useSnapshotsStore.getState().byAccount[A]).toBe(aBefore);
    expect(Object.keys(useSnapshotsStore.getState().byAccount)).toEqual([A]);
  });

  it('a burst of events shares requests, and the newest data wins', async () => {
    await useSnapshotsStore.getState().fetch();
    const before = asked.length;
    main.set(A, { version: 3, snapshot: snap(A, 'a3') });
    main.set(B, { version: 3, snapshot: snap(B, 'b3') });
    await Promise.all([
      useSnapshotsStore.getState().updated(A, 3),
      useSnapshotsStore.getState().updated(B, 3),
      useSnapshotsStore.getState().updated(A, 3),
    ]);
    expect(asked.length - before).toBeLessThanOrEqual(2);
    const s = useSnapshotsStore.getState();
    expect([s.byAccount[A]!.fetchedAt, s.byAccount[B]!.fetchedAt]).toEqual(['a3', 'b3']);
    expect(s.versions).toEqual({ [A]: 3, [B]: 3 });
  });
});
