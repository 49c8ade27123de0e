/**
 * Migrations of the settings file, by `schemaVersion`. Each step is a pure function so tests can feed
 * it old files; a file is taken step by step (0 → 1 → 2).
 *
 * Only a file that carries a KNOWN older version is migrated. Version 0 is the prototype's format,
 * which had no `schemaVersion`: it is recognised by its own shape (accounts as a map keyed by id, each
 * with a vendor; no `settings` object), never by the mere absence of a version. A file with no
 * version that is not that shape, or with a version Proxydeck never wrote, is damaged, not old: it is
 * never "migrated" (which would turn a damaged file into an empty one).
 */
import { DEFAULT_SETTINGS } from '../../../preload/contract/schemas';
import { STORE_VERSION } from './schema';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The prototype's file: no version, no settings object, accounts as a map of objects with a vendor. */
export function isVersion0(data: Json): boolean {
  if ('schemaVersion' in data || 'settings' in data) return false;
  const { accounts } = data;
  if (!isObj(accounts)) return false;
  return Object.values(accounts).every((a) => isObj(a) && typeof a.vendor === 'string');
}

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

/** The file's version is not one Proxydeck ever wrote (or it has none): the file is damaged. */
export class UnknownVersionError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnknownVersionError';
  }
}

/** The file was written by a newer Proxydeck. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`settings file version ${version} is newer than this app (${STORE_VERSION})`);
    this.name = 'NewerVersionError';
  }
}

/** The file's version: a known one, a newer one (thrown), or none Proxydeck knows (thrown). */
export function versionOf(data: Json): number {
  const v = data.schemaVersion;
  if (v === undefined) {
    if (isVersion0(data)) return 0;
    throw new UnknownVersionError('it has no version number and is not a format Proxydeck ever wrote');
  }
  if (typeof v === 'number' && Number.isInteger(v) && v > STORE_VERSION) throw new NewerVersionError(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= STORE_VERSION) return v;
  throw new UnknownVersionError(`its version number (${JSON.stringify(v)?.slice(0, 20)}) is not one Proxydeck knows`);
}

/** Applies every step from the file's known version up to the current one. Throws as versionOf does. */
export function migrate(data: Json): MigrationOutcome {
  const from = versionOf(data);
  let out = data;
  for (let v = from; v < STORE_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new UnknownVersionError(`no migration from version ${v}`);
    out = step(out);
  }
  return { data: out, from, migrated: from !== STORE_VERSION };
}
