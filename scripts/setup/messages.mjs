// Every sentence `npm run setup` prints, in English and Simplified Chinese (chosen from LC_ALL /
// LC_MESSAGES / LANG, else the system locale). `{name}` placeholders are filled by `t`.

const en = {
  intro: 'Installing Proxydeck (this takes a minute the first time)...',
  'node-old':
    'Proxydeck needs Node.js 20.19 or newer; this is {version}. Install a newer Node.js, then run npm run setup again.',
  'no-system-packages':
    'No system packages are needed on {os}: the keychain module comes prebuilt (if it has to be built, npm uses {tools}).',
  'why-build':
    'Proxydeck keeps your vendor API keys in the system keychain. To build its keychain module on {distro} it needs {items}.',
  'why-keyring':
    'Proxydeck keeps your vendor API keys in the system keychain, and no keychain service is installed (GNOME Keyring, KWallet or KeePassXC).',
  installing: 'To install them, setup runs: {command}',
  'sudo-password': 'sudo may ask for your password.',
  confirm: 'Install them now? [Y/n] ',
  declined: 'Nothing was installed. Run this yourself, then run npm run setup again:\n  {command}',
  'install-failed': 'The install command did not succeed. Run it yourself, then run npm run setup again:\n  {command}',
  'still-missing': 'These are still missing after the install: {items}. Install them, then run npm run setup again.',
  installed: 'System packages installed.',
  'stop-no-sudo':
    'Setup is not running as root and sudo is not available, so it cannot install them. As root (for example after su -), run:\n  {command}\nthen run npm run setup again.',
  'stop-no-permission':
    'Setup is not running in a terminal, so it installs no system packages without permission. Run this, then run npm run setup again:\n  {command}\n(or let setup install them: npm run setup -- --yes)',
  'stop-unknown-distro':
    'Setup does not know the package manager of {distro}. Install {items} with it, then run npm run setup again.',
  'advise-keyring':
    'Proxydeck will open read-only until a keychain service runs. To install GNOME Keyring, run:\n  {command}\nthen log out and back in.',
  'secret-missing':
    'No keychain service (GNOME Keyring or KWallet) is running in this session, so Proxydeck will open read-only: your saved data is shown, but API keys cannot be read or saved. Log in to a desktop session that starts one, then restart Proxydeck.',
  'npm-ci': 'Installing packages with npm ci (full log: {log})...',
  'npm-ci-failed': 'Installing the packages failed{pkg}. {cause}\nThe full log is in {log}',
  'failed-in': ' (in {pkg})',
  'electron-fetch': 'Fetching the Electron runtime...',
  'electron-skip':
    'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron runtime is not fetched; Proxydeck will open in your browser.',
  'electron-failed': 'The Electron runtime could not be downloaded; Proxydeck will open in your browser.',
  'done-no-start': 'Proxydeck is installed. Start it with: npm start',
  'item.libsecret': 'the libsecret development files',
  'item.pkg-config': 'pkg-config',
  'item.compiler': 'a C++ compiler',
  'item.make': 'make',
  'item.python': 'python3',
  'item.secret-service': 'a keychain service (GNOME Keyring)',
  'cause.libsecret':
    'The keychain module could not be built: the libsecret development files are missing (libsecret-1-dev on Debian/Ubuntu, libsecret-devel on Fedora, libsecret on Arch). Install them, then run npm run setup again.',
  'cause.python': 'node-gyp found no Python 3. Install python3, then run npm run setup again.',
  'cause.compiler': 'No C++ compiler or make was found. {hint}',
  'cause.network':
    'The npm registry (or GitHub, for prebuilt modules) could not be reached. Check the internet connection or the proxy (npm config set proxy http://host:port), then run npm run setup again.',
  'cause.disk': 'The disk is full. Free some space, then run npm run setup again.',
  'cause.permission':
    'A file could not be written (permission denied). Do not run npm with sudo in your own folders; give this folder and ~/.npm back to your user, then run npm run setup again.',
  'cause.lockfile': 'package.json and package-lock.json disagree. Run npm install once, then npm run setup again.',
  'cause.native-build': 'A native module could not be built. {hint}',
  'cause.unknown': 'The end of the log says what npm reported.',
  'hint.linux':
    'Install build-essential (Debian/Ubuntu), gcc-c++ and make (Fedora) or base-devel (Arch), then run npm run setup again.',
  'hint.darwin': 'Install the Xcode Command Line Tools (xcode-select --install), then run npm run setup again.',
  'hint.win32': 'Install Visual Studio Build Tools with "Desktop development with C++", then run npm run setup again.',
};

/** @type {typeof en} */
const zh = {
  intro: '正在安装 Proxydeck（首次约需一分钟）……',
  'node-old':
    'Proxydeck 需要 Node.js 20.19 或更高版本，当前为 {version}。请安装更新的 Node.js，然后重新运行 npm run setup。',
  'no-system-packages': '{os} 上无需安装系统软件包：钥匙串模块有预编译版本（如需现场编译，npm 会使用 {tools}）。',
  'why-build': 'Proxydeck 把各供应商的 API 密钥保存在系统钥匙串中。要在 {distro} 上编译钥匙串模块，需要：{items}。',
  'why-keyring':
    'Proxydeck 把各供应商的 API 密钥保存在系统钥匙串中，但系统未安装任何钥匙串服务（GNOME Keyring、KWallet 或 KeePassXC）。',
  installing: '安装程序将运行以下命令进行安装：{command}',
  'sudo-password': 'sudo 可能会要求输入您的密码。',
  confirm: '现在安装吗？[Y/n] ',
  declined: '未安装任何内容。请自行运行下面的命令，然后重新运行 npm run setup：\n  {command}',
  'install-failed': '安装命令未能成功。请自行运行下面的命令，然后重新运行 npm run setup：\n  {command}',
  'still-missing': '安装后仍缺少：{items}。请安装后重新运行 npm run setup。',
  installed: '系统软件包已安装。',
  'stop-no-sudo':
    '安装程序不是以 root 身份运行，也没有可用的 sudo，因此无法自动安装。请以 root 身份（例如先执行 su -）运行：\n  {command}\n然后重新运行 npm run setup。',
  'stop-no-permission':
    '安装程序不在终端中运行，未经许可不会安装系统软件包。请运行下面的命令，然后重新运行 npm run setup：\n  {command}\n（或允许安装程序自动安装：npm run setup -- --yes）',
  'stop-unknown-distro': '安装程序不了解 {distro} 的软件包管理器。请用它安装：{items}，然后重新运行 npm run setup。',
  'advise-keyring':
    '在钥匙串服务运行之前，Proxydeck 将以只读方式打开。要安装 GNOME Keyring，请运行：\n  {command}\n然后注销并重新登录。',
  'secret-missing':
    '当前会话中没有运行钥匙串服务（GNOME Keyring 或 KWallet），因此 Proxydeck 将以只读方式打开：可以查看已保存的数据，但无法读取或保存 API 密钥。请登录一个会启动钥匙串服务的桌面会话，然后重新启动 Proxydeck。',
  'npm-ci': '正在用 npm ci 安装依赖包（完整日志：{log}）……',
  'npm-ci-failed': '依赖包安装失败{pkg}。{cause}\n完整日志见 {log}',
  'failed-in': '（出错的包：{pkg}）',
  'electron-fetch': '正在下载 Electron 运行时……',
  'electron-skip': '已设置 ELECTRON_SKIP_BINARY_DOWNLOAD，因此不下载 Electron 运行时；Proxydeck 将在浏览器中打开。',
  'electron-failed': '无法下载 Electron 运行时；Proxydeck 将在浏览器中打开。',
  'done-no-start': 'Proxydeck 已安装。启动命令：npm start',
  'item.libsecret': 'libsecret 开发文件',
  'item.pkg-config': 'pkg-config',
  'item.compiler': 'C++ 编译器',
  'item.make': 'make',
  'item.python': 'python3',
  'item.secret-service': '钥匙串服务（GNOME Keyring）',
  'cause.libsecret':
    '无法编译钥匙串模块：缺少 libsecret 开发文件（Debian/Ubuntu 为 libsecret-1-dev，Fedora 为 libsecret-devel，Arch 为 libsecret）。请安装后重新运行 npm run setup。',
  'cause.python': 'node-gyp 找不到 Python 3。请安装 python3，然后重新运行 npm run setup。',
  'cause.compiler': '找不到 C++ 编译器或 make。{hint}',
  'cause.network':
    '无法连接 npm 仓库（或用于下载预编译模块的 GitHub）。请检查网络连接或代理设置（npm config set proxy http://主机:端口），然后重新运行 npm run setup。',
  'cause.disk': '磁盘已满。请释放一些空间，然后重新运行 npm run setup。',
  'cause.permission':
    '无法写入文件（权限被拒绝）。请不要在自己的文件夹中用 sudo 运行 npm；把本文件夹和 ~/.npm 的所有权改回您的用户，然后重新运行 npm run setup。',
  'cause.lockfile': 'package.json 与 package-lock.json 不一致。请先运行一次 npm install，然后重新运行 npm run setup。',
  'cause.native-build': '无法编译原生模块。{hint}',
  'cause.unknown': '日志末尾有 npm 报告的错误。',
  'hint.linux':
    '请安装 build-essential（Debian/Ubuntu）、gcc-c++ 和 make（Fedora）或 base-devel（Arch），然后重新运行 npm run setup。',
  'hint.darwin': '请安装 Xcode 命令行工具（xcode-select --install），然后重新运行 npm run setup。',
  'hint.win32': '请安装带有“使用 C++ 的桌面开发”工作负载的 Visual Studio Build Tools，然后重新运行 npm run setup。',
};

export const MESSAGES = { en, 'zh-CN': zh };

/** 'zh-CN' for any Chinese locale in the environment (or, without one, the system's), else 'en'. */
export function pickLanguage(env = process.env, fallback = Intl.DateTimeFormat().resolvedOptions().locale) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || fallback || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export function translator(lang) {
  const table = MESSAGES[lang] ?? en;
  return (key, vars = {}) =>
    (table[key] ?? en[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A list in plain words: "a, b and c" / "a、b 和 c". */
export function listItems(lang, items) {
  if (items.length <= 1) return items.join('');
  const [last, ...rest] = [items.at(-1), ...items.slice(0, -1)];
  return lang === 'zh-CN' ? `${rest.join('、')} 和 ${last}` : `${rest.join(', ')} and ${last}`;
}
