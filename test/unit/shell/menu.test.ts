import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../src/main/electron/menu';
import { shellStrings } from '../../../src/main/electron/strings';

const actions = () => ({ importFiles: vi.fn(), importFolder: vi.fn(), exportLibrary: vi.fn(), exportBundle: vi.fn(), importBundle: vi.fn(), about: vi.fn() });
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => item?.submenu as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]): unknown[] => items.map((i) => i.role).filter(Boolean);

describe('menu', () => {
  it('speaks Chinese for zh locales and English otherwise', () => {
    expect(shellStrings('zh-CN').file).toBe('文件');
    expect(shellStrings('zh').importFiles).toBe('导入文件…');
    expect(shellStrings('en-US').file).toBe('File');
    expect(shellStrings('de').file).toBe('File');
  });

  it('has 文件, 编辑, 视图, 帮助 with the import and export actions wired', () => {
    const a = actions();
    const menu = menuTemplate(shellStrings('zh-CN'), a, { dev: false, mac: false });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = submenu(menu[0]);
    expect(file.map((i) => i.label ?? i.type)).toEqual(['导入文件…', '导入文件夹…', '导出…', 'separator', '导出资料库包…', '合并资料库包…', 'separator', '退出']);
    (file[4]!.click as () => void)();
    (file[5]!.click as () => void)();
    expect([a.exportBundle.mock.calls.length, a.importBundle.mock.calls.length]).toEqual([1, 1]);
    (file[0]!.click as () => void)();
    (file[1]!.click as () => void)();
    (file[2]!.click as () => void)();
    (submenu(menu[3])[0]!.click as () => void)();
    expect([a.importFiles.mock.calls.length, a.importFolder.mock.calls.length, a.exportLibrary.mock.calls.length, a.about.mock.calls.length]).toEqual([1, 1, 1, 1]);
    expect(roles(submenu(menu[1]))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload and developer tools in development only', () => {
    const view = (dev: boolean) => roles(submenu(menuTemplate(shellStrings('en'), actions(), { dev, mac: false })[2]));
    expect(view(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view(true)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('starts with the app menu on macOS', () => {
    expect(menuTemplate(shellStrings('en'), actions(), { dev: false, mac: true })[0]).toEqual({ role: 'appMenu' });
  });
});
