/**
 * The one API object of the renderer: window.proxydeck in Electron (exposed by preload),
 * otherwise built over loopback HTTP for the browser host.
 */
import { API_GLOBAL, buildApi, type ProxydeckApi } from '../../preload/contract/api';
import { createHttpTransport, takeToken } from './http';

let api: ProxydeckApi | null = null;

export function getApi(): ProxydeckApi {
  if (api) return api;
  const exposed = (window as unknown as Record<string, ProxydeckApi | undefined>)[API_GLOBAL];
  if (exposed) {
    api = exposed;
  } else {
    const { invoke, subscribe } = createHttpTransport(takeToken());
    api = buildApi(invoke, subscribe);
  }
  return api;
}

/** Call once at start-up (before the first render) so the token leaves the address bar at once. */
export function initApi(): ProxydeckApi {
  return getApi();
}

/** Tests only: replace the API object. */
export function setApiForTests(next: ProxydeckApi | null): void {
  api = next;
}
