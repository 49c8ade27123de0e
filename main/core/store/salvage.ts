/**
 * What can still be used from a damaged settings file: each account that validates on its own, each
 * setting that validates on its own (the rest fall back to defaults). Used when a file fails its
 * schema, so a single bad value does not cost the user every account.
 */
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../../preload/contract/schemas';
import { type AccountMeta, AccountMetaSchema, STORE_VERSION, type StoreData } from './schema';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Salvaged {
  data: StoreData;
  accountsKept: number;
  /** How many account entries the file had (0 when it had no readable list). */
  accountsFound: number;
  /** Settings that were not valid and were set back to their defaults. */
  settingsReset: (keyof Settings)[];
}

export function salvageStore(raw: Json): Salvaged {
  const src = isObj(raw.settings) ? raw.settings : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const settingsReset: (keyof Settings)[] = [];
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const parsed = SettingsSchema.shape[key].safeParse(src[key]);
    if (parsed.success) settings[key] = parsed.data;
    else settingsReset.push(key);
  }
  const list = Array.isArray(raw.accounts) ? raw.accounts : [];
  const accounts: AccountMeta[] = [];
  for (const entry of list) {
    const parsed = AccountMetaSchema.safeParse(entry);
    if (!parsed.success) continue;
    const a = parsed.data;
    const clash = accounts.some(
      (b) => b.id === a.id || b.label.trim().toLocaleLowerCase() === a.label.trim().toLocaleLowerCase(),
    );
    if (!clash) accounts.push(a);
  }
  const demoDismissed = typeof raw.demoDismissed === 'boolean' ? raw.demoDismissed : accounts.some((a) => !a.demo);
  return {
    data: { schemaVersion: STORE_VERSION, settings: SettingsSchema.parse(settings), accounts, demoDismissed },
    accountsKept: accounts.length,
    accountsFound: list.length,
    settingsReset,
  };
}

const SETTING_NAMES: Record<keyof Settings, string> = {
  refreshIntervalMin: 'refresh interval',
  expiryWindowDays: 'expiring-soon window',
  reminderDays: 'reminder days',
  lowBalanceUsd: 'low-balance line',
  theme: 'theme',
  language: 'language',
  connection: 'way to connect to vendors',
  runwayDays: 'balance runway window',
  runwayAlertDays: 'balance runway reminder',
  health: 'proxy check settings',
  followPublicIp: 'follow my IP',
};

/** "2 of 3 accounts, and your settings except theme (set back to its default)". */
export function describeKept(s: Salvaged): string {
  const all = Object.keys(SETTING_NAMES).length;
  const accounts =
    s.accountsFound === 0
      ? 'no accounts (none could be read)'
      : s.accountsKept === s.accountsFound
        ? s.accountsFound === 1
          ? 'the one account'
          : `all ${s.accountsFound} accounts`
        : `${s.accountsKept} of ${s.accountsFound} accounts`;
  const settings =
    s.settingsReset.length === 0
      ? 'all your settings'
      : s.settingsReset.length === all
        ? 'none of your settings (defaults are used)'
        : `your settings except ${s.settingsReset.map((k) => SETTING_NAMES[k]).join(', ')} (set back to ${
            s.settingsReset.length === 1 ? 'its default' : 'their defaults'
          })`;
  return `${accounts}, and ${settings}`;
}
