// Saved views of the library list: a named filter + sort + search.
import { sql, type Db } from './db';
import { libraryQuery, type LibraryQuery, type SavedView } from '../../../shared/library';

export class ViewError extends Error {
  constructor(
    readonly code: 'name_taken' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

interface ViewRow {
  id: number;
  name: string;
  query: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored query that no longer parses (written by another version) is shown as the plain library. */
const toView = (row: ViewRow): SavedView => {
  const parsed = libraryQuery.safeParse(JSON.parse(row.query));
  return { ...row, query: parsed.success ? parsed.data : {} };
};

const COLUMNS = 'id, name, query, created_at AS createdAt, updated_at AS updatedAt';

export function listViews(db: Db): SavedView[] {
  return (sql(db, `SELECT ${COLUMNS} FROM saved_views ORDER BY name COLLATE NOCASE, id`).all() as ViewRow[]).map(toView);
}

function viewById(db: Db, id: number): SavedView {
  const row = sql(db, `SELECT ${COLUMNS} FROM saved_views WHERE id = ?`).get(id) as ViewRow | undefined;
  if (!row) throw new ViewError('not_found', `视图 ${id} 不存在`);
  return toView(row);
}

const nameTaken = (name: string) => new ViewError('name_taken', `已有名为“${name}”的视图`);
const isUniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Save a view under a new name, or replace the query of the view with that name. */
export function saveView(db: Db, name: string, query: LibraryQuery): SavedView {
  const now = new Date().toISOString();
  const id = sql(
    db,
    `INSERT INTO saved_views (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at RETURNING id`,
  )
    .pluck()
    .get(name.trim(), JSON.stringify(query), now, now) as number;
  return viewById(db, id);
}

export function renameView(db: Db, id: number, name: string): SavedView {
  try {
    const changed = sql(db, 'UPDATE saved_views SET name = ?, updated_at = ? WHERE id = ?').run(name.trim(), new Date().toISOString(), id).changes;
    if (!changed) throw new ViewError('not_found', `视图 ${id} 不存在`);
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(name.trim()) : err;
  }
  return viewById(db, id);
}

export function deleteView(db: Db, id: number): void {
  if (!sql(db, 'DELETE FROM saved_views WHERE id = ?').run(id).changes) throw new ViewError('not_found', `视图 ${id} 不存在`);
}
