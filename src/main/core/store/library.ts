// A library: a folder holding library.sqlite and the content-addressed originals.
import path from 'node:path';
import { openDatabase, schemaVersion, type Db } from './db';
import { defaultLibraryHome } from '../library-home';
import { indexPendingText } from './reports';
import { rankPending } from './zh-order';

export interface Library {
  home: string;
  dbPath: string;
  db: Db;
  close(): void;
}

export function openLibrary(options: { home?: string; dbPath?: string } = {}): Library {
  const home = path.resolve(options.home ?? (options.dbPath ? path.dirname(options.dbPath) : defaultLibraryHome()));
  const dbPath = path.resolve(options.dbPath ?? path.join(home, 'library.sqlite'));
  const db = openDatabase(dbPath);
  indexPendingText(db);
  rankPending(db);
  return { home, dbPath, db, close: () => db.close() };
}

export { schemaVersion };
