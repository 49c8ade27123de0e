/**
 * Binding the dispatcher to Electron's ipcMain, written against structural types so it runs and is
 * tested in plain Node. The shell passes the real ipcMain. Every call is checked for its sender
 * before its arguments are even parsed.
 */
import { CHANNELS } from '../../../preload/contract/channels';
import type { Result } from '../../../preload/contract/errors';
import type { Dispatch } from './dispatcher';

export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Trusted senders: the webContents ids of our own windows, and only their top frame showing our own
 * page (custom scheme + host compared after parsing, never by string prefix).
 */
export class SenderPolicy {
  private readonly trusted = new Set<number>();
  private readonly appUrl: URL;

  constructor(appUrl: string) {
    this.appUrl = new URL(appUrl);
  }

  trust(webContentsId: number): void {
    this.trusted.add(webContentsId);
  }

  untrust(webContentsId: number): void {
    this.trusted.delete(webContentsId);
  }

  allows(event: IpcEventLike): boolean {
    if (!this.trusted.has(event.sender.id)) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false; // destroyed or a sub-frame
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    // `origin` is "null" for custom schemes in WHATWG URL, so compare scheme and host explicitly.
    return url.protocol === this.appUrl.protocol && url.host === this.appUrl.host;
  }
}

export const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This request did not come from the Proxydeck window and was refused.' },
};

/** Registers one handler per contract channel. Returns an unbind function. */
export function bindIpc(ipc: IpcMainLike, dispatch: Dispatch, policy: SenderPolicy): () => void {
  for (const channel of CHANNELS) {
    ipc.handle(channel, async (event, ...args) => {
      if (!policy.allows(event)) return FORBIDDEN;
      return dispatch(channel, args);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(channel);
  };
}
