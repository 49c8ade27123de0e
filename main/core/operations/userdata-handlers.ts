/**
 * The channels of backups and of the export / import of all local user data (issue 16 §5). Keys stay in
 * main: the export seals them with the user's passphrase, the import opens them here and hands them to
 * the accounts service (the keychain); the window only learns counts, names and yes/no answers.
 */
import type { BusinessView } from '../../../preload/contract/business';
import type { BackupInfo, UserDataImportPreview, UserDataImportSummary } from '../../../preload/contract/userdata';
import { BackupService } from '../business/backup-service';
import { type ExportDeps, exportUserData } from '../business/userdata-export';
import { type ImportDeps, UserDataImporter } from '../business/userdata-import';

export interface UserDataDeps extends ExportDeps, ImportDeps {
  /** The business data as the window sees it (with each item's presence). */
  view: () => BusinessView | Promise<BusinessView>;
}

export function userDataHandlers(deps: UserDataDeps) {
  const backups = new BackupService(deps.business);
  const importer = new UserDataImporter(deps);
  return {
    'backups:list': (): BackupInfo[] => backups.list(),
    'backups:restore': async ({ name }: { name: string }): Promise<BusinessView> => {
      backups.restore(name);
      return deps.view();
    },
    'userdata:export': (input: { includeKeys: boolean; passphrase: string | null }) => exportUserData(deps, input),
    'userdata:importPreview': (input: { content: string; passphrase: string | null }): Promise<UserDataImportPreview> =>
      importer.preview(input),
    'userdata:importApply': ({ previewId }: { previewId: string }): Promise<UserDataImportSummary> =>
      importer.apply(previewId),
  };
}
