// The API the UI talks to: the Electron preload's window.api, or the browser harness over HTTP.
import type { ApiError, ApiEvent, ApiEvents, ApiMethod, ApiResponse, ApiArgs, WorkbenchApi } from '../../shared/api';
import { API_EVENT_NAMES } from '../../shared/channels';

const UPLOAD_LANES = 4;

function httpApi(): WorkbenchApi {
  const token = document.querySelector<HTMLMetaElement>('meta[name="nianbao-token"]')?.content ?? '';
  const headers = { 'x-nianbao-token': token };
  // one event stream, open from the start; a job's events only reach a stream that is connected
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>(API_EVENT_NAMES.map((e) => [e, new Set()]));
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  const connected = new Promise<void>((resolve) => source.addEventListener('open', () => resolve(), { once: true }));
  for (const [event, set] of listeners) {
    source.addEventListener(event, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as never;
      set.forEach((l) => l(payload));
    });
  }
  return {
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResponse<M>> {
      try {
        if (method === 'import:start') await connected;
        const res = await fetch(`/api/call/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(args) });
        return (await res.json()) as ApiResponse<M>;
      } catch (err) {
        return { ok: false, code: 'network', message: (err as Error).message };
      }
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event)!;
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    async pathsForFiles(files: File[]) {
      const upload = async (file: File) => {
        const name = (file as File & { relativePath?: string }).relativePath || file.webkitRelativePath || file.name;
        const res = await fetch(`/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: file });
        if (!res.ok) throw new Error(((await res.json()) as ApiError).message);
        return ((await res.json()) as { path: string }).path;
      };
      // a few uploads at a time, paths in the order of the files
      const paths: string[] = new Array<string>(files.length);
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < files.length; i = next++) paths[i] = await upload(files[i]!);
      };
      await Promise.all(Array.from({ length: Math.min(UPLOAD_LANES, files.length) }, lane));
      return paths;
    },
  };
}

export const api: WorkbenchApi = window.api ?? httpApi();
