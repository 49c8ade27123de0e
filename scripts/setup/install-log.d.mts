// Types of install-log.mjs.
export type InstallFailureCause =
  | 'libsecret'
  | 'python'
  | 'compiler'
  | 'network'
  | 'disk'
  | 'permission'
  | 'lockfile'
  | 'native-build'
  | 'unknown';
export function summarizeInstallFailure(log: string): { cause: InstallFailureCause; pkg: string | null };
