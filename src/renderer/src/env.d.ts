import type { WorkbenchApi } from '../../shared/api';

declare global {
  interface Window {
    /** provided by the Electron preload; absent in the browser harness */
    api?: WorkbenchApi;
  }
}
