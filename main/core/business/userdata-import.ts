/**
 * Import of an export file (issue 16 §5): a preview first, nothing replaced until Replace is confirmed
 * with the preview's id (usable once, for 10 minutes).
 *
 * Accounts of the file are matched to this computer's by id, else by vendor + name. One that is not here
 * is added with its key from the file (through the accounts service, so the key goes to the keychain and
 * nowhere else); without a key it is reported, and its items are kept (shown as not known) so a later
 * import, after the account is added, links them again. The business data is replaced as a whole (the
 * store backs the current file up first); settings and the proxy password follow.
 * A wrong passphrase fails the preview plainly, before anything is planned.
 */
import { randomUUID } from 'node:crypto';
import { itemKey } from '../../../preload/contract/business';
import type { AccountSummary } from '../../../preload/contract/channels';
import type { Settings } from '../../../preload/contract/schemas';
import type {
  ImportAccountLine,
  ImportCounts,
  UserDataImportPreview,
  UserDataImportSummary,
} from '../../../preload/contract/userdata';
import type { AccountsService } from '../accounts/accounts-service';
import { AppFailure } from '../errors';
import { type BusinessData, parseBusiness } from './business-schema';
import type { BusinessStore } from './business-store';
import { open } from './userdata-crypto';
import { type ExportSecrets, type ExportV1, readExport, SecretsSchema } from './userdata-format';

export const PREVIEW_TTL_MS = 10 * 60_000;

export interface ImportDeps {
  business: BusinessStore;
  accounts: AccountsService;
  settings: () => Settings;
  /** Saves and puts in force the file's settings (as 'settings:update' does). */
  applySettings: (s: Settings) => Promise<void>;
  /** Keeps the proxy password in the keychain (ConnectionService.setPassword). */
  setProxyPassword: (password: string) => Promise<void>;
  /** New accounts were added (refresh them, tell the window). */
  accountsAdded: (ids: string[]) => void;
  now: () => Date;
}

interface AccountPlan {
  line: ImportAccountLine;
  fileId: string;
  /** The account here it maps to (matched), or null. */
  localId: string | null;
}

interface Pending {
  file: ExportV1;
  secrets: ExportSecrets | null;
  plan: AccountPlan[];
  expires: number;
}

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function counts<T>(incoming: T[], current: T[], key: (t: T) => string): ImportCounts {
  const here = new Map(current.map((c) => [key(c), c]));
  const there = new Set(incoming.map(key));
  let added = 0;
  let replaced = 0;
  for (const t of incoming) {
    const h = here.get(key(t));
    if (!h) added++;
    else if (!same(h, t)) replaced++;
  }
  const removed = current.filter((c) => !there.has(key(c))).length;
  return { total: incoming.length, added, replaced, unchanged: incoming.length - added - replaced, removed };
}

export class UserDataImporter {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: ImportDeps) {}

  private planAccounts(file: ExportV1, secrets: ExportSecrets | null): AccountPlan[] {
    const here = this.deps.accounts.list();
    const taken = new Set<string>();
    return file.accounts.map((a) => {
      const items = file.business.items.filter((i) => i.item.accountId === a.id).length;
      const match: AccountSummary | undefined =
        here.find((h) => h.id === a.id && !taken.has(h.id)) ??
        here.find((h) => !taken.has(h.id) && h.vendor === a.vendor && h.demo === a.demo && sameLabel(h.label, a.label));
      const base = { label: a.label, vendor: a.vendor, demo: a.demo, items };
      if (match) {
        taken.add(match.id);
        return { fileId: a.id, localId: match.id, line: { ...base, status: 'matched', localLabel: match.label } };
      }
      const clash = here.find((h) => sameLabel(h.label, a.label));
      const hasKey = !a.demo && secrets?.accounts[a.id] !== undefined;
      const status = hasKey ? (clash ? 'conflict' : 'new') : 'missing';
      return { fileId: a.id, localId: null, line: { ...base, status, localLabel: clash?.label ?? null } };
    });
  }

  /** The file's business data with its account ids turned into this computer's. */
  private mapped(file: ExportV1, ids: Map<string, string>): BusinessData {
    const items = file.business.items.map((m) => {
      const to = ids.get(m.item.accountId);
      return to ? { ...m, item: { ...m.item, accountId: to } } : m;
    });
    return { ...file.business, items };
  }

  async preview(input: { content: string; passphrase: string | null }): Promise<UserDataImportPreview> {
    this.sweep();
    const read = readExport(input.content);
    if ('error' in read) throw new AppFailure('invalid_argument', read.error);
    const { file } = read;
    let secrets: ExportSecrets | null = null;
    let keys: UserDataImportPreview['keys'] = file.secrets ? 'locked' : 'none';
    if (file.secrets && input.passphrase) {
      const plain = await open(file.secrets, input.passphrase); // a wrong passphrase throws here
      const parsed = SecretsSchema.safeParse(JSON.parse(plain));
      if (!parsed.success)
        throw new AppFailure('invalid_argument', 'The keys in this file are damaged. Nothing was imported.');
      secrets = parsed.data;
      keys = 'opened';
    }
    const plan = this.planAccounts(file, secrets);
    const ids = new Map(plan.flatMap((p) => (p.localId ? [[p.fileId, p.localId] as const] : [])));
    const incoming = this.mapped(file, ids);
    const current = this.deps.business.get();
    const previewId = randomUUID();
    const expires = this.deps.now().getTime() + PREVIEW_TTL_MS;
    this.pending.set(previewId, { file, secrets, plan, expires });
    return {
      previewId,
      expiresAt: new Date(expires).toISOString(),
      exportedAt: file.exportedAt,
      appVersion: file.appVersion,
      fileVersion: read.fileVersion,
      migrated: read.migrated,
      settingsChanged: !same(this.deps.settings(), file.settings),
      accounts: plan.map((p) => p.line),
      customers: counts(incoming.customers, current.customers, (c) => c.id),
      items: counts(incoming.items, current.items, (m) => itemKey(m.item)),
      keys,
      proxyPassword: secrets?.proxyPassword != null,
    };
  }

  async apply(previewId: string): Promise<UserDataImportSummary> {
    this.sweep();
    const p = this.pending.get(previewId);
    if (!p)
      throw new AppFailure(
        'not_found',
        'This preview is no longer valid (it was used, or more than 10 minutes passed). Choose the file again.',
      );
    this.pending.delete(previewId); // once: a second click finds nothing
    const { file, secrets } = p;
    // Plan again against the accounts as they are now (one may have been added or removed meanwhile).
    const plan = this.planAccounts(file, secrets);
    const ids = new Map<string, string>();
    const added: string[] = [];
    const addedIds: string[] = [];
    const missing: string[] = [];
    const failed: { label: string; message: string }[] = [];
    for (const a of plan) {
      if (a.localId) {
        ids.set(a.fileId, a.localId);
        continue;
      }
      const credentials = a.line.status === 'new' ? secrets?.accounts[a.fileId] : undefined;
      if (!credentials) {
        if (a.line.status === 'conflict')
          failed.push({
            label: a.line.label,
            message: `Another account here is already named "${a.line.localLabel}".`,
          });
        else missing.push(a.line.label);
        continue;
      }
      try {
        const summary = await this.deps.accounts.add({ vendor: a.line.vendor, label: a.line.label, credentials });
        ids.set(a.fileId, summary.id);
        added.push(summary.label);
        addedIds.push(summary.id);
      } catch (e) {
        failed.push({ label: a.line.label, message: e instanceof AppFailure ? e.message : 'It could not be added.' });
      }
    }
    if (addedIds.length) this.deps.accountsAdded(addedIds);
    const parsed = parseBusiness(this.mapped(file, ids));
    if ('reason' in parsed)
      throw new AppFailure('invalid_argument', 'This export file is damaged. Nothing was imported.');
    const before = new Set(this.deps.business.backups().map((b) => b.name));
    this.deps.business.replace(parsed.data, 'import');
    const backup = this.deps.business.backups().find((b) => !before.has(b.name))?.name ?? null;
    const settingsApplied = !same(this.deps.settings(), file.settings);
    if (settingsApplied) await this.deps.applySettings(file.settings);
    let proxyPassword = false;
    if (secrets?.proxyPassword) {
      await this.deps.setProxyPassword(secrets.proxyPassword);
      proxyPassword = true;
    }
    return {
      customers: parsed.data.customers.length,
      items: parsed.data.items.length,
      settingsApplied,
      proxyPassword,
      accountsAdded: added,
      accountsMissing: missing,
      accountsFailed: failed,
      backup,
    };
  }

  /** Forgets previews older than 10 minutes (with their opened keys). */
  private sweep(): void {
    const now = this.deps.now().getTime();
    for (const [id, p] of this.pending) if (p.expires <= now) this.pending.delete(id);
  }
}
