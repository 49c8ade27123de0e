// Turns the captured output of a failed `npm ci` into one plain cause, so setup never ends in a
// node-gyp trace. Pure: test/unit/setup-detect.test.ts feeds it real failure texts.

const CAUSES = [
  // keytar's source build without the libsecret headers (pkg-config cannot find the module)
  ['libsecret', /Package libsecret-1 was not found|pkg-config --cflags libsecret-1|libsecret\/secret\.h/i],
  ['python', /gyp ERR! find Python|Could not find any Python|python3?: not found/i],
  [
    'compiler',
    /make: not found|not found: make|g\+\+: not found|c\+\+: not found|xcrun: error|No Xcode or CLT|Visual Studio|MSBuild/i,
  ],
  [
    'network',
    /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ECONNREFUSED|network request to .* failed|self[- ]signed certificate/i,
  ],
  ['disk', /ENOSPC|no space left on device/i],
  ['permission', /EACCES|EPERM|permission denied/i],
  [
    'lockfile',
    /npm ci.* can only install packages when your package\.json and package-lock\.json.* are in sync|Missing: .* from lock file/i,
  ],
  ['native-build', /gyp ERR!|node-gyp|prebuild-install/i],
];

/**
 * `{ cause, pkg }`: the first matching cause (most specific first; `unknown` when none matches) and the
 * package whose install script failed, when npm names it.
 */
export function summarizeInstallFailure(log) {
  const cause = CAUSES.find(([, re]) => re.test(log))?.[0] ?? 'unknown';
  const m = /npm (?:error|ERR!) path \S*node_modules[\\/]((?:@[^\\/\s]+[\\/])?[^\\/\s]+)\s*$/m.exec(log);
  return { cause, pkg: m ? m[1].replace(/\\/g, '/') : null };
}
