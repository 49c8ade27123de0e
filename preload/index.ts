/**
 * The preload: exposes exactly one frozen API object (window.proxydeck) built from the contract.
 * Sandboxed, so it may only require 'electron'; the renderer never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, buildApi, EVENT_CHANNEL, type Invoke } from './contract/api';
import type { AppEvent } from './contract/channels';

const invoke = ((channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as Invoke;

const api = buildApi(invoke, (listener) => {
  const handler = (_e: unknown, event: AppEvent) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
});

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

contextBridge.exposeInMainWorld(API_GLOBAL, deepFreeze(api));
