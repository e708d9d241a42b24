// Method and event names of the API contract, free of dependencies so the sandboxed preload can import them.

export const API_METHOD_NAMES = ['library:info', 'library:list', 'library:ids', 'library:counts', 'library:verify', 'trash:move', 'trash:restore', 'trash:empty', 'view:list', 'view:save', 'view:rename', 'view:delete', 'report:get', 'report:history', 'report:verify', 'field:update', 'import:start', 'import:cancel', 'library:export', 'review:queue', 'report:page', 'field:restore', 'report:meta', 'report:reextract', 'report:merge', 'report:text', 'library:facets', 'bundle:export', 'bundle:conflicts', 'bundle:resolve', 'analysis:agencies', 'analysis:agency', 'analysis:groups', 'analysis:compliance', 'analysis:export', 'analysis:members'] as const;
export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

export const API_EVENT_NAMES = ['job:progress', 'job:done', 'menu:export'] as const;
export type ApiEventName = (typeof API_EVENT_NAMES)[number];

/** IPC channel of one method (invoke) and the single channel events arrive on. */
export const methodChannel = (method: ApiMethodName): string => `nianbao:${method}`;
export const EVENT_CHANNEL = 'nianbao:event';
