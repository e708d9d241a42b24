// `npm run serve`: the app's UI in a local browser, over the harness, on the user's library.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultLibraryHome } from '../core/library-home';
import { startHarness } from './server';

const { values } = parseArgs({ options: { home: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' } } });
const harness = await startHarness({
  home: values.home ?? defaultLibraryHome(),
  port: values.port ? Number(values.port) : 0,
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  workerScript: fileURLToPath(new URL('./workers/pipeline.js', import.meta.url)),
});
process.stdout.write(`年报工作台 / Nianbao Workbench: ${harness.url}  (library: ${harness.host.home}; Ctrl+C to stop)\n`);
if (values.open) {
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', harness.url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [harness.url]];
  spawn(opener[0] as string, opener[1] as string[], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
}
const stop = (): void => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
