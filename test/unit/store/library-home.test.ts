import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultLibraryHome } from '../../../src/main/core/library-home';

describe('library home', () => {
  it('prefers NIANBAO_HOME', () => {
    expect(defaultLibraryHome({ NIANBAO_HOME: '/data/lib' }, 'linux')).toBe('/data/lib');
  });
  it("matches Electron's userData folder per platform", () => {
    expect(defaultLibraryHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'Nianbao Workbench'));
    expect(defaultLibraryHome({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Nianbao Workbench'));
    expect(defaultLibraryHome({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Nianbao Workbench'));
    expect(defaultLibraryHome({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Nianbao Workbench'));
  });
});
