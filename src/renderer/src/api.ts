// The API the UI talks to: the Electron preload's window.api, or the browser harness over HTTP.
import type { ApiEvent, ApiEvents, ApiMethod, ApiResponse, ApiArgs, WorkbenchApi } from '../../shared/api';

function httpApi(): WorkbenchApi {
  const token = document.querySelector<HTMLMetaElement>('meta[name="nianbao-token"]')?.content ?? '';
  const headers = { 'x-nianbao-token': token };
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const connect = (event: ApiEvent): void => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as never;
      listeners.get(event)?.forEach((l) => l(payload));
    });
  };
  return {
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResponse<M>> {
      try {
        const res = await fetch(`/api/call/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(args) });
        return (await res.json()) as ApiResponse<M>;
      } catch (err) {
        return { ok: false, code: 'network', message: (err as Error).message };
      }
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      connect(event);
      const set = listeners.get(event)!;
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    async pathsForFiles(files: File[]) {
      const paths: string[] = [];
      for (const file of files) {
        const name = (file as File & { relativePath?: string }).relativePath || file.webkitRelativePath || file.name;
        const res = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: file });
        paths.push(((await res.json()) as { path: string }).path);
      }
      return paths;
    },
  };
}

export const api: WorkbenchApi = window.api ?? httpApi();
