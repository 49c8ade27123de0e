import type { VendorId } from '../../../preload/contract/model';
import type { VendorPage } from '../../../preload/contract/vendors';
import { getApi } from '../../api';

/**
 * Opens a vendor's own page (dashboard, top-up). Main knows the URL (vendor descriptor) and opens it in
 * the system browser; the browser host answers with the URL and the window opens it in a new tab.
 */
export async function openVendorPage(vendor: VendorId, page: VendorPage): Promise<boolean> {
  const r = await getApi().app.openVendorPage({ vendor, page });
  if (!r.ok) return false;
  if (!r.data.opened) window.open(r.data.url, '_blank', 'noopener,noreferrer');
  return true;
}
