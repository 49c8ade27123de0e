import type { ProxydeckApi } from '../../preload/contract/api';

declare global {
  interface Window {
    /** Exposed by preload in Electron (API_GLOBAL). Absent in the browser host. */
    proxydeck?: ProxydeckApi;
  }
}
