// Native dialogs: choosing files or a folder to import, About, errors.
import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
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

export async function showAbout(win: BrowserWindow | null, s: ShellStrings): Promise<void> {
  const options: MessageBoxOptions = { type: 'info', title: s.about, message: `${s.appName} ${app.getVersion()}`, detail: s.aboutDetail };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

export function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
