import { describe, expect, it, vi } from 'vitest';
import { createApi, type IpcPort } from '../../../src/preload/bridge';
import { EVENT_CHANNEL, methodChannel } from '../../../src/shared/channels';
import type { ApiMethod } from '../../../src/shared/api';

type Listener = Parameters<IpcPort['on']>[1];

function fakeIpc() {
  const listeners = new Set<Listener>();
  const ipc = {
    invoke: vi.fn(async () => ({ ok: true, value: [] })),
    on: vi.fn((_channel: string, l: Listener) => listeners.add(l)),
    removeListener: vi.fn((_channel: string, l: Listener) => listeners.delete(l)),
  };
  const emit = (...args: unknown[]): void => listeners.forEach((l) => l({ sender: 'ipc event' }, ...args));
  return { ipc, emit, listeners };
}

describe('preload bridge', () => {
  it('invokes the channel of a contract method', async () => {
    const { ipc } = fakeIpc();
    const api = createApi(ipc, () => '');
    await expect(api.call('library:list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(ipc.invoke).toHaveBeenCalledWith(methodChannel('library:list'), {});
  });

  it('rejects methods outside the contract without touching IPC', async () => {
    const { ipc } = fakeIpc();
    const api = createApi(ipc, () => '');
    await expect(api.call('fs:read' as ApiMethod, {} as never)).rejects.toThrow(/unknown method/);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the subscribed event, payload only, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = createApi(ipc, () => '');
    const seen: unknown[] = [];
    const off = api.on('job:done', (p) => seen.push(p));
    expect(ipc.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    emit('job:progress', { n: 1 });
    emit('job:done', { n: 2 });
    off();
    emit('job:done', { n: 3 });
    expect(seen).toEqual([{ n: 2 }]);
    expect(listeners.size).toBe(0);
  });

  it('refuses unknown events', () => {
    const api = createApi(fakeIpc().ipc, () => '');
    expect(() => api.on('secret' as 'job:done', () => {})).toThrow(/unknown event/);
  });

  it('turns dropped files into paths', async () => {
    const api = createApi(fakeIpc().ipc, (file) => `/drop/${file.name}`);
    const files = [new File(['a'], 'a.html'), new File(['b'], 'b.txt')];
    await expect(api.pathsForFiles(files)).resolves.toEqual(['/drop/a.html', '/drop/b.txt']);
  });
});
