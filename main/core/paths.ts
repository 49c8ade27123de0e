import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron uses as userData for an app named Proxydeck, for the browser host. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Proxydeck');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Proxydeck');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Proxydeck');
}
