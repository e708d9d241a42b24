// Native dialogs: choosing files or a folder to import, where to save an export, About, errors.
import path from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ShellStrings } from './strings';

export type ImportKind = 'files' | 'folder';

export async function chooseImportPaths(win: BrowserWindow | null, kind: ImportKind, s: ShellStrings): Promise<string[]> {
  const options: OpenDialogOptions =
    kind === 'files'
      ? {
          title: s.importFiles,
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: s.reportFiles, extensions: ['html', 'htm', 'mht', 'pdf', 'docx', 'doc', 'wps', 'rtf', 'ofd', 'txt', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'bmp', 'webp'] },
            { name: s.allFiles, extensions: ['*'] },
          ],
        }
      : { title: s.importFolder, properties: ['openDirectory'] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

const SAVE_FILTERS: Record<string, (s: ShellStrings) => { name: string; extensions: string[] }> = {
  xlsx: () => ({ name: 'Excel (XLSX)', extensions: ['xlsx'] }),
  csv: () => ({ name: 'CSV', extensions: ['csv'] }),
  json: () => ({ name: 'JSON (nianbao/v1)', extensions: ['json'] }),
  nianbao: (s) => ({ name: s.bundleFile, extensions: ['nianbao'] }),
};

/**
 * Where to save a file an export makes: the native dialog, in the Documents folder under the
 * suggested name; the extension the export needs is kept. null when cancelled.
 */
export async function chooseSavePath(win: BrowserWindow | null, s: ShellStrings, suggested: string): Promise<string | null> {
  const ext = path.extname(suggested).slice(1).toLowerCase();
  const filter = SAVE_FILTERS[ext]?.(s);
  const options: SaveDialogOptions = {
    title: ext === 'nianbao' ? s.exportBundle : s.exportLibrary,
    defaultPath: path.join(app.getPath('documents'), path.basename(suggested)),
    filters: filter ? [filter] : [],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return path.extname(result.filePath).toLowerCase() === `.${ext}` ? result.filePath : `${result.filePath}.${ext}`;
}

/** A bundle file to write (export) or to merge (import). */
export async function chooseBundlePath(win: BrowserWindow | null, s: ShellStrings, mode: 'export' | 'import'): Promise<string | null> {
  const filters = [
    { name: s.bundleFile, extensions: ['nianbao'] },
    { name: s.allFiles, extensions: ['*'] },
  ];
  if (mode === 'export') {
    const options: SaveDialogOptions = { title: s.exportBundle, defaultPath: 'library.nianbao', filters };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const options: OpenDialogOptions = { title: s.importBundle, properties: ['openFile'], filters };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function showInfo(win: BrowserWindow | null, title: string, message: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'info', title, message };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

export async function showAbout(win: BrowserWindow | null, s: ShellStrings): Promise<void> {
  const options: MessageBoxOptions = { type: 'info', title: s.about, message: `${s.appName} ${app.getVersion()}`, detail: s.aboutDetail };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

export function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
