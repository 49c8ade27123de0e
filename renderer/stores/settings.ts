import { create } from 'zustand';
import type { Result } from '../../preload/contract/errors';
import type { Settings } from '../../preload/contract/schemas';
import { getApi } from '../api';
import { type ActionState, IDLE, PENDING } from './types';

interface SettingsState {
  settings: Settings | null;
  load: ActionState;
  save: ActionState;
  fetch: () => Promise<void>;
  update: (patch: Partial<Settings>) => Promise<Result<Settings>>;
}

let seq = 0;

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  load: IDLE,
  save: IDLE,
  fetch: async () => {
    const mine = ++seq;
    set({ load: PENDING });
    const result = await getApi().settings.get();
    if (mine !== seq) return;
    if (result.ok) set({ settings: result.data, load: IDLE });
    else set({ load: { pending: false, error: result.error } });
  },
  update: async (patch) => {
    const mine = ++seq;
    set({ save: PENDING });
    const result = await getApi().settings.update(patch);
    if (result.ok) {
      if (mine === seq) set({ settings: result.data });
      set({ save: IDLE });
    } else {
      set({ save: { pending: false, error: result.error } });
    }
    return result;
  },
}));
