// Opening a library database: pragmas, backup, migrations, refusal of newer schemas.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

export class LibraryError extends Error {
  constructor(
    readonly code: 'schema_newer' | 'open_failed' | 'migration_failed',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

export function openDatabase(dbPath: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  let db: Db;
  try {
    db = new Database(dbPath);
  } catch (err) {
    throw new LibraryError('open_failed', `无法打开资料库 ${dbPath}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // the library columns' triggers (migration 8) must see rows that INSERT OR REPLACE removes
    db.pragma('recursive_triggers = ON');
    // 32 MB of pages (the default is 2 MB): the list of a large library is read again on every change
    db.pragma('cache_size = -32000');
    migrate(db, dbPath, migrations);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, dbPath: string, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new LibraryError(
      'schema_newer',
      `资料库版本 ${current} 比本程序支持的 ${latest} 新，请升级年报工作台 (library schema ${current} is newer than ${latest})`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backup(db, dbPath, current);
  db.pragma('foreign_keys = OFF');
  for (const m of pending) {
    const run = db.transaction(() => {
      db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new LibraryError('migration_failed', `migration ${m.version} (${m.name}) broke ${broken.length} foreign keys`);
      db.pragma(`user_version = ${m.version}`);
    });
    run.exclusive();
  }
}

/** Copy the database before migrating it: <db>.v<N>.bak */
function backup(db: Db, dbPath: string, version: number): void {
  const target = `${dbPath}.v${version}.bak`;
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
}

export { SCHEMA_VERSION };

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection. */
export function sql(db: Db, text: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}
