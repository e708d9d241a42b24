// Menu and dialog strings: Simplified Chinese for zh locales, English otherwise.

export interface ShellStrings {
  appName: string;
  file: string;
  importFiles: string;
  importFolder: string;
  exportLibrary: string;
  exportFailed: string;
  exportBundle: string;
  importBundle: string;
  bundleFile: string;
  bundleImported: string;
  bundleFailed: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullscreen: string;
  help: string;
  about: string;
  aboutDetail: string;
  reportFiles: string;
  allFiles: string;
  importFailed: string;
}

const zh: ShellStrings = {
  appName: '年报工作台',
  file: '文件',
  importFiles: '导入文件…',
  importFolder: '导入文件夹…',
  exportLibrary: '导出…',
  exportFailed: '导出失败',
  exportBundle: '导出资料库包…',
  importBundle: '合并资料库包…',
  bundleFile: '年报工作台资料库包',
  bundleImported: '已合并资料库包：新增 {added} 份报告（其中近似重复 {near}），已有 {exact} 份；采用更正 {adopted} 项，冲突 {conflicts} 项（本库的值保留，冲突在“分析 › 合并冲突”中列出）。',
  bundleFailed: '无法合并资料库包',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullscreen: '全屏',
  help: '帮助',
  about: '关于',
  aboutDetail: '离线提取、核对和导出政府信息公开工作年度报告。',
  reportFiles: '年报文件',
  allFiles: '所有文件',
  importFailed: '无法开始导入',
};

const en: ShellStrings = {
  appName: 'Nianbao Workbench',
  file: 'File',
  importFiles: 'Import Files…',
  importFolder: 'Import Folder…',
  exportLibrary: 'Export…',
  exportFailed: 'Export failed',
  exportBundle: 'Export Library Bundle…',
  importBundle: 'Merge Library Bundle…',
  bundleFile: 'Nianbao library bundle',
  bundleImported: 'Bundle merged: {added} reports added ({near} near-duplicates), {exact} already here; {adopted} corrections taken over, {conflicts} conflicts (the local values stay; see Analysis › Merge conflicts).',
  bundleFailed: 'Could not merge the library bundle',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullscreen: 'Full Screen',
  help: 'Help',
  about: 'About',
  aboutDetail: 'Extract, review and export government information disclosure annual reports, offline.',
  reportFiles: 'Report files',
  allFiles: 'All files',
  importFailed: 'Could not start the import',
};

export const shellStrings = (locale: string): ShellStrings => (locale.toLowerCase().startsWith('zh') ? zh : en);
