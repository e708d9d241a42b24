// Wires the core's API host to the window, IPC, menu and the app lifecycle.
import { app, Menu, session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { createApiHost } from '../core/api/host';
import { chooseBundlePath, chooseImportPaths, chooseSavePath, showAbout, showError, showInfo, type ImportKind } from './dialogs';
import { EVENT_CHANNEL } from '../../shared/channels';
import { wireIpc } from './ipc';
import { menuTemplate } from './menu';
import { appPaths } from './paths';
import { isAppUrl, type AppPage } from './policy';
import { hardenSession, hardenWebContents } from './security';
import { shellStrings } from './strings';
import { createMainWindow } from './window';

export async function startWorkbench(): Promise<void> {
  const dev = !app.isPackaged;
  const devServerUrl = dev ? process.env.ELECTRON_RENDERER_URL : undefined;
  const paths = appPaths(app.getAppPath());
  const page: AppPage = { devServerUrl, indexFile: paths.rendererHtml };
  hardenWebContents();
  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl);

  let win: BrowserWindow | null = null;
  const strings = shellStrings(app.getLocale());
  // exports are saved where the person picks in the native dialog: the main process asks, the renderer names no path
  const host = createApiHost({ home: process.env.NIANBAO_HOME || app.getPath('userData'), workerScript: paths.worker, chooseSavePath: (suggested) => chooseSavePath(win, strings, suggested) });
  const open = (): void => {
    const created = createMainWindow(paths, devServerUrl);
    created.on('closed', () => {
      if (win === created) win = null;
    });
    win = created;
  };
  // only the main frame of our window, showing our page, may call the core
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    win !== null && event.sender === win.webContents && event.senderFrame?.parent === null && isAppUrl(event.senderFrame.url, page);
  const unwire = wireIpc(host, trusted);

  const importFrom = async (kind: ImportKind): Promise<void> => {
    const chosen = await chooseImportPaths(win, kind, strings);
    if (chosen.length === 0) return;
    const response = await host.dispatch('import:start', { paths: chosen });
    if (!response.ok) showError(strings.importFailed, response.message);
  };
  // the renderer's export dialog (format, reports, figures, originals), which then asks where to save
  const exportLibrary = (): void => {
    if (!win) open();
    win?.show();
    win?.webContents.send(EVENT_CHANNEL, 'menu:export', {});
  };
  const exportBundle = async (): Promise<void> => {
    const file = await chooseBundlePath(win, strings, 'export');
    if (file) await host.exportBundle(file).catch((err: Error) => showError(strings.exportFailed, err.message));
  };
  const importBundle = async (): Promise<void> => {
    const file = await chooseBundlePath(win, strings, 'import');
    if (!file) return;
    try {
      const r = await host.importBundle(file);
      const counts: Record<string, number> = { added: r.added, near: r.nearDuplicates, exact: r.exactDuplicates, adopted: r.adopted, conflicts: r.conflicts };
      await showInfo(win, strings.importBundle, strings.bundleImported.replace(/\{(\w+)\}/g, (_, k: string) => String(counts[k] ?? '')));
      win?.webContents.reload();
    } catch (err) {
      showError(strings.bundleFailed, (err as Error).message);
    }
  };
  const actions = {
    importFiles: () => void importFrom('files'),
    importFolder: () => void importFrom('folder'),
    exportLibrary,
    exportBundle: () => void exportBundle(),
    importBundle: () => void importBundle(),
    about: () => void showAbout(win, strings),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(strings, actions, { dev, mac: process.platform === 'darwin' })));

  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (!win) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  closeBeforeQuit(async () => {
    unwire();
    await host.close();
  });
  open();
}

/** Hold the quit until `close` settles (jobs cancelled, library closed), then quit for real. */
function closeBeforeQuit(close: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    close()
      .catch((err: unknown) => console.error('closing the library failed:', err))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
