// Where the library lives: NIANBAO_HOME, else the per-user app data folder Electron's
// app.getPath('userData') gives for our productName — computed without Electron.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Nianbao Workbench';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

export function defaultLibraryHome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.NIANBAO_HOME || path.join(appDataDir(env, platform), PRODUCT_NAME);
}
