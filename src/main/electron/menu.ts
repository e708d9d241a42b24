// The application menu as data (built with Menu.buildFromTemplate by the caller).
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
  exportLibrary(): void;
  exportBundle(): void;
  importBundle(): void;
  about(): void;
}

export interface MenuOptions {
  /** development build: reload and developer tools */
  dev: boolean;
  /** macOS: the first menu is the app menu */
  mac: boolean;
}

export function menuTemplate(s: ShellStrings, actions: MenuActions, { dev, mac }: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = dev
    ? [{ role: 'reload', label: s.reload }, { role: 'toggleDevTools', label: s.toggleDevTools }, { type: 'separator' }]
    : [];
  const menus: MenuItemConstructorOptions[] = [
    {
      label: s.file,
      submenu: [
        { label: s.importFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: s.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
        { label: s.exportLibrary, accelerator: 'CmdOrCtrl+E', click: () => actions.exportLibrary() },
        { type: 'separator' },
        { label: s.exportBundle, click: () => actions.exportBundle() },
        { label: s.importBundle, click: () => actions.importBundle() },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        { type: 'separator' },
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        ...devItems,
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.toggleFullscreen },
      ],
    },
    { label: s.help, submenu: [{ label: s.about, click: () => actions.about() }] },
  ];
  return mac ? [{ role: 'appMenu' }, ...menus] : menus;
}
