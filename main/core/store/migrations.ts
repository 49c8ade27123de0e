/**
 * Migrations of the settings file, by `schemaVersion`. Version 0 is the prototype's format (no
 * schemaVersion; accounts as a map keyed by id with `name` and `created`; settings at the top level).
 * Each step is a pure function so tests can feed it old files; a file is taken step by step (0 → 1 → 2).
 */
import { DEFAULT_SETTINGS } from '../../../preload/contract/schemas';
import { STORE_VERSION } from './schema';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function v0ToV1(old: Json): Json {
  const accounts = isObj(old.accounts)
    ? Object.entries(old.accounts).map(([id, raw]) => {
        const a = isObj(raw) ? raw : {};
        return {
          id,
          vendor: a.vendor,
          label: typeof a.name === 'string' ? a.name : typeof a.label === 'string' ? a.label : id.slice(0, 8),
          createdAt: typeof a.created === 'string' ? a.created : new Date(0).toISOString(),
          lastRefreshAt: null,
          demo: false,
          credentialHint: null,
          lastError: null,
        };
      })
    : [];
  return {
    schemaVersion: 1,
    settings: {
      ...DEFAULT_SETTINGS,
      ...(typeof old.refreshMinutes === 'number' ? { refreshIntervalMin: old.refreshMinutes } : {}),
      ...(old.theme === 'light' || old.theme === 'dark' || old.theme === 'system' ? { theme: old.theme } : {}),
    },
    accounts,
    demoDismissed: accounts.length > 0,
  };
}

/** Version 2 adds the low-balance setting; every other value is kept as it was. */
function v1ToV2(old: Json): Json {
  const settings = isObj(old.settings) ? old.settings : {};
  return {
    ...old,
    schemaVersion: 2,
    settings: { ...settings, lowBalanceUsd: DEFAULT_SETTINGS.lowBalanceUsd },
  };
}

const STEPS: Record<number, (d: Json) => Json> = { 0: v0ToV1, 1: v1ToV2 };

export interface MigrationOutcome {
  data: Json;
  from: number;
  migrated: boolean;
}

/** Applies every step from the file's version up to the current one. Throws on a version from the future. */
export function migrate(data: Json): MigrationOutcome {
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (from > STORE_VERSION) {
    throw new Error(`settings file version ${from} is newer than this app (${STORE_VERSION})`);
  }
  let out = data;
  for (let v = from; v < STORE_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration from version ${v}`);
    out = step(out);
  }
  return { data: out, from, migrated: from !== STORE_VERSION };
}
