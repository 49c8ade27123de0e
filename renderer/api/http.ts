/**
 * The API over loopback HTTP, for the browser host (development and Playwright tests).
 * The page is opened as http://127.0.0.1:<port>/#token=<hex>; the token is moved to
 * sessionStorage and the hash removed so it does not linger in the address bar or history.
 */
import type { Invoke, Subscribe } from '../../preload/contract/api';
import type { AppEvent, Channel } from '../../preload/contract/channels';
import type { AppError, ErrorCode, Result } from '../../preload/contract/errors';
import { i18n } from '../i18n';

export const TOKEN_KEY = 'proxydeck.token';

/** Reads the token from location.hash (once), keeps it in sessionStorage, removes the hash. */
export function takeToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash) {
    const token = new URLSearchParams(hash).get('token');
    if (token) {
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch {
        // Storage disabled: keep working for this page load only.
        memoryToken = token;
      }
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

let memoryToken: string | null = null;

function fail(code: ErrorCode, messageKey: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message: i18n.t(messageKey, { lng: 'en' }) } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in value;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

export function createHttpTransport(token: string | null): { invoke: Invoke; subscribe: Subscribe } {
  const headers = (): Record<string, string> => ({ authorization: `Bearer ${token ?? ''}` });

  const invoke = (async (channel: Channel, ...args: unknown[]): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify(args),
        cache: 'no-store',
      });
    } catch {
      return fail('network', 'transport.network');
    }
    if (response.status === 401 || response.status === 403) return fail('forbidden_sender', 'transport.forbidden');
    // Over the browser host's body limit (main/webhost/server.ts): a plain, translated sentence.
    if (response.status === 413) return fail('invalid_argument', 'transport.tooLarge');
    if (response.status === 400) {
      // The host's typed refusal (an unreadable request or address): shown as it is.
      const refusal: unknown = await response.json().catch(() => null);
      return isResult(refusal) && !refusal.ok ? refusal : fail('internal', 'transport.unreadable');
    }
    if (!response.ok) return fail('network', 'transport.network');
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body;
    } catch {
      // fall through
    }
    return fail('internal', 'transport.unreadable');
  }) as Invoke;

  // One shared event stream for all listeners; opened on the first subscribe, closed after the last.
  const listeners = new Set<(event: AppEvent) => void>();
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let delay = 1000;
  let connectedBefore = false;

  const emit = (event: AppEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener must not break the stream for the others.
      }
    }
  };

  const scheduleReconnect = () => {
    if (listeners.size === 0 || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };

  const dispatchBlock = (block: string) => {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (!data) return;
    try {
      const event = JSON.parse(data) as AppEvent;
      if (event && typeof event.type === 'string') emit(event);
    } catch {
      // Ignore a malformed event rather than stopping the stream.
    }
  };

  const connect = async () => {
    if (listeners.size === 0) return;
    const ctrl = new AbortController();
    controller = ctrl;
    try {
      const response = await fetch('/events', {
        headers: { ...headers(), accept: 'text/event-stream' },
        signal: ctrl.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error('events unavailable');
      delay = 1000;
      if (connectedBefore) {
        // Events may have been missed while disconnected: ask everyone to reload.
        emit({ type: 'accounts-changed' });
        emit({ type: 'settings-changed' });
      }
      connectedBefore = true;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop() ?? '';
        for (const block of blocks) dispatchBlock(block);
      }
    } catch {
      // network drop or abort; handled below
    }
    if (controller === ctrl) controller = null;
    if (!ctrl.signal.aborted) scheduleReconnect();
  };

  const subscribe: Subscribe = (listener) => {
    listeners.add(listener);
    if (!controller && !retryTimer) void connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        controller?.abort();
        controller = null;
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
      }
    };
  };

  return { invoke, subscribe };
}
