// Native dialogs: choosing files or a folder to import, a file to export to, About, errors.
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
            { name: s.reportFiles, extensions: ['html', 'htm', 'mht', 'pdf', 'docx', 'doc', 'wps', 'ofd', 'txt'] },
            { name: s.allFiles, extensions: ['*'] },
          ],
        }
      : { title: s.importFolder, properties: ['openDirectory'] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** A file to export to; the format follows the chosen type. */
export async function chooseExportPath(win: BrowserWindow | null, s: ShellStrings): Promise<{ file: string; format: 'xlsx' | 'csv' | 'json' } | null> {
  const options: SaveDialogOptions = {
    title: s.exportLibrary,
    defaultPath: 'nianbao.xlsx',
    filters: [
      { name: 'Excel (XLSX)', extensions: ['xlsx'] },
      { name: 'CSV', extensions: ['csv'] },
      { name: 'JSON (nianbao/v1)', extensions: ['json'] },
    ],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  const ext = result.filePath.split('.').pop()?.toLowerCase();
  return { file: result.filePath, format: ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : 'xlsx' };
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
