// Electron entry: one instance per user, then the workbench.
import { app, dialog } from 'electron';
import { startWorkbench } from './electron/app';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startWorkbench().catch((err: unknown) => {
    dialog.showErrorBox('Nianbao Workbench', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}
