import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/core/errors';
import { bindIpc, type IpcEventLike, type IpcMainLike, SenderPolicy } from '../../main/core/ipc/bind';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { CHANNELS } from '../../preload/contract/channels';

const ID = '7d0d4b8e-4f5c-4f0e-9a57-1f3f8f0b2c11';

/** Handlers that record calls; only the ones a test uses do anything. */
function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = [];
  const handlers = new Proxy({} as Handlers, {
    get:
      (_t, channel: string) =>
      (...args: unknown[]) => {
        calls.push([channel, args]);
        if (channel === 'accounts:rename')
          throw new AppFailure('duplicate_label', 'You already have an account named "A".', 'label');
        if (channel === 'accounts:remove') throw new Error('disk on fire at /secret/path');
        return { echoed: args };
      },
  });
  return { calls, handlers };
}

describe('dispatcher', () => {
  it('runs a handler with validated, cleaned arguments', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const r = await dispatch('accounts:add', [
      { vendor: 'proxyshard', label: '  Shop A  ', credentials: { apiKey: ' abcdefgh12345678 ' } },
    ]);
    expect(r.ok).toBe(true);
    expect(calls).toEqual([
      ['accounts:add', [{ vendor: 'proxyshard', label: 'Shop A', credentials: { apiKey: 'abcdefgh12345678' } }]],
    ]);
  });

  it('rejects a malformed argument with a typed error and never calls the handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const cases: unknown[] = [
      [{ vendor: 'nosuchvendor', label: 'x', credentials: {} }],
      [{ vendor: 'thordata', label: '', credentials: { token: 'a' } }],
      [{ vendor: 'thordata', label: 'ok', credentials: { token: 'has space' } }],
      ['not an object'],
      [],
      'not even an array',
    ];
    for (const args of cases) {
      const r = await dispatch('accounts:add', args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_argument');
    }
    const r = await dispatch('accounts:add', [{ vendor: 'thordata', label: '', credentials: { token: 'abc' } }]);
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'Give the account a name.', field: 'label' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses extra fields on strict patches and unknown channels', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    expect((await dispatch('settings:update', [{ theme: 'dark', evil: 1 }])).ok).toBe(false);
    const r = await dispatch('shell:exec', ['rm -rf /']);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(calls).toEqual([]);
  });

  it('answers expected failures with their plain message and hides unexpected internals', async () => {
    const { handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const dup = await dispatch('accounts:rename', [{ id: ID, label: 'A' }]);
    expect(dup).toEqual({
      ok: false,
      error: { code: 'duplicate_label', message: 'You already have an account named "A".', field: 'label' },
    });
    const boom = await dispatch('accounts:remove', [{ id: ID }]);
    expect(boom.ok).toBe(false);
    if (!boom.ok) {
      expect(boom.error.code).toBe('internal');
      expect(boom.error.message).not.toContain('/secret/path');
    }
  });
});

describe('dispatcher: text that cannot be saved', () => {
  it('refuses a lone surrogate in a label, names the field, never calls the handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const refused = {
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The name contains a character that cannot be saved. Remove it and try again.',
        field: 'label',
      },
    };
    // Half of 😀 (\ud83d\ude00) on each side, as a cut-off paste leaves it.
    for (const label of ['Shop \ud83d', '\ude00 Shop', 'Sh\ude00\ud83dop']) {
      expect(await dispatch('accounts:add', [{ vendor: 'thordata', label, credentials: { token: 'abc' } }])).toEqual(
        refused,
      );
      expect(await dispatch('accounts:rename', [{ id: ID, label }])).toEqual(refused);
    }
    expect(calls).toEqual([]);
  });

  it('keeps accepting emoji, CJK and astral characters, cleaned as before', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    const r = await dispatch('accounts:add', [
      { vendor: 'thordata', label: '  店铺 😀 𠀀 👨\u200d👩\u200d👧  ', credentials: { token: 'abc' } },
    ]);
    expect(r.ok).toBe(true);
    expect(calls).toEqual([
      ['accounts:add', [{ vendor: 'thordata', label: '店铺 😀 𠀀 👨\u200d👩\u200d👧', credentials: { token: 'abc' } }]],
    ]);
  });
});

describe('bindIpc sender check', () => {
  function fakeIpc() {
    const handlers = new Map<string, (e: IpcEventLike, ...a: unknown[]) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) };
    return { ipc, handlers };
  }
  const event = (id: number, url: string, parent: unknown = null): IpcEventLike => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('binds every contract channel and unbinds them', () => {
    const { ipc, handlers } = fakeIpc();
    const unbind = bindIpc(ipc, async () => ({ ok: true, data: null }), new SenderPolicy('app://proxydeck/index.html'));
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from unknown senders, sub-frames and other pages; accepts the app window', async () => {
    const { ipc, handlers } = fakeIpc();
    const seen: string[] = [];
    const policy = new SenderPolicy('app://proxydeck/index.html');
    policy.trust(1);
    bindIpc(
      ipc,
      async (channel) => {
        seen.push(channel);
        return { ok: true, data: 'fine' };
      },
      policy,
    );
    const call = handlers.get('accounts:list')!;
    const refused = { ok: false, error: { code: 'forbidden_sender' } };
    expect(await call(event(2, 'app://proxydeck/index.html'))).toMatchObject(refused); // unknown window
    expect(await call(event(1, 'app://proxydeck/index.html', {}))).toMatchObject(refused); // sub-frame
    expect(await call(event(1, 'https://evil.example/'))).toMatchObject(refused); // navigated elsewhere
    expect(await call(event(1, 'app://proxydeck.evil/index.html'))).toMatchObject(refused); // look-alike host
    expect(await call({ sender: { id: 1 }, senderFrame: null })).toMatchObject(refused); // destroyed frame
    expect(seen).toEqual([]);
    expect(await call(event(1, 'app://proxydeck/index.html'))).toEqual({ ok: true, data: 'fine' });
    policy.untrust(1);
    expect(await call(event(1, 'app://proxydeck/index.html'))).toMatchObject(refused);
    expect(seen).toEqual(['accounts:list']);
  });
});
