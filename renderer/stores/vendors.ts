import { create } from 'zustand';
import type { VendorSummary } from '../../preload/contract/channels';
import { getApi } from '../api';
import { type ActionState, IDLE, PENDING } from './types';

interface VendorsState {
  list: VendorSummary[];
  loaded: boolean;
  load: ActionState;
  fetch: () => Promise<void>;
}

export const useVendorsStore = create<VendorsState>()((set) => ({
  list: [],
  loaded: false,
  load: IDLE,
  fetch: async () => {
    set({ load: PENDING });
    const result = await getApi().vendors.list();
    if (result.ok) set({ list: result.data, loaded: true, load: IDLE });
    else set({ load: { pending: false, error: result.error } });
  },
}));

export function vendorName(list: VendorSummary[], id: string): string {
  return list.find((v) => v.id === id)?.name ?? id;
}

/** How a vendor's plain times are shown ('vendor' = its own clock, labelled). */
export function naiveTimeOf(list: VendorSummary[], id: string): 'utc' | 'vendor' | undefined {
  return list.find((v) => v.id === id)?.naiveTime;
}
