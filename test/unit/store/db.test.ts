import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryError, openDatabase, schemaVersion } from '../../../src/main/core/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/core/store/migrations';
import { queryIds } from '../../../src/main/core/store/library-query';
import { indexPendingText } from '../../../src/main/core/store/reports';
import { tempDir } from '../../support/tmp';

describe('library database', () => {
  it('creates the schema with WAL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'lib.sqlite'));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['reports', 'files', 'file_sources', 'pages', 'fields', 'field_history', 'checks', 'jobs', 'job_outcomes']));
    db.close();
  });

  it('backs up the database before migrating and keeps the data', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const v1 = openDatabase(file);
    v1.prepare("INSERT INTO jobs (id, kind, status, started_at) VALUES ('j', 'import', 'done', 'now')").run();
    v1.close();
    const next = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'extra', sql: 'ALTER TABLE jobs ADD COLUMN note TEXT;' }];
    const v2 = openDatabase(file, next);
    expect(schemaVersion(v2)).toBe(SCHEMA_VERSION + 1);
    expect(v2.prepare('SELECT id FROM jobs').pluck().get()).toBe('j');
    v2.close();
    expect(fs.existsSync(`${file}.v${SCHEMA_VERSION}.bak`)).toBe(true);
  });

  it('rolls back a failing migration and leaves the version alone', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    openDatabase(file).close();
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE x (a); INSERT INTO nope VALUES (1);' }];
    expect(() => openDatabase(file, broken)).toThrow(/nope/);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a library written by a newer version', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(LibraryError);
    expect(() => openDatabase(file)).toThrow(/比本程序支持的/);
  });
});

describe('migration 2 (full-text index)', () => {
  it('lets the text of reports stored before it be indexed', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const v1 = openDatabase(file, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO reports (id, created_at, updated_at) VALUES (1, 'now', 'now')").run();
    v1.prepare("INSERT INTO files (id, report_id, sha256, size, kind, created_at) VALUES (1, 1, 'abc', 3, 'text', 'now')").run();
    v1.prepare("INSERT INTO pages (file_id, page, text) VALUES (1, 0, '平江县民政局年度报告')").run();
    v1.close();
    const v2 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 2));
    expect(schemaVersion(v2)).toBe(2);
    expect(indexPendingText(v2)).toBe(1);
    expect(v2.prepare("SELECT rowid FROM report_text WHERE report_text MATCH '民政局'").pluck().all()).toEqual([1]);
    v2.close();
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
  });
});

describe('migration 3 (OCR cache)', () => {
  it('keeps OCR words per file, page and settings', async () => {
    const { cachedOcrPages, putOcrPage } = await import('../../../src/main/core/store/ocr-pages');
    const db = openDatabase(path.join(tempDir(), 'lib.sqlite'));
    const words = [{ text: '公开', x: 1, y: 2, w: 3, h: 4, conf: 0.9 }];
    const json = JSON.stringify({ words, rules: { vertical: [{ x: 300, y0: 10, y1: 400 }], horizontal: [] } });
    putOcrPage(db, 'ab', 'chi_sim/psm6', { page: 2, width: 595, height: 842, confidence: 0.9, json }, 1200);
    expect(cachedOcrPages(db, 'ab', 'chi_sim/psm6').get(2)).toEqual({ page: 2, width: 595, height: 842, confidence: 0.9, json });
    expect(cachedOcrPages(db, 'ab', 'other settings').size).toBe(0);
    expect(cachedOcrPages(db, 'cd', 'chi_sim/psm6').size).toBe(0);
    db.close();
  });
});

describe('migration 8 (library columns, ranks, trash, saved views)', () => {
  it('fills the list columns of reports stored before it', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const v2 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 2));
    v2.exec(`
      INSERT INTO reports (id, agency, created_at, updated_at) VALUES (1, '平江县民政局', 'now', 'now');
      INSERT INTO files (id, report_id, sha256, size, kind, created_at) VALUES (1, 1, 'abc', 3, 'html', 'now');
      INSERT INTO file_sources (file_id, name, path, seen_at) VALUES (1, '年报.html', '/x/年报.html', 'now');
      INSERT INTO pages (file_id, page, text) VALUES (1, 0, '平江县民政局年度报告');
      INSERT INTO fields (report_id, key, value, confidence, status, source, updated_at) VALUES (1, 'meta.agency', '平江县民政局', 0.6, 'auto', '{}', 'now'), (1, 'meta.year', 2019, 0.9, 'auto', '{}', 'now');
      INSERT INTO checks (report_id, seq, rule, ok, severity, message, keys) VALUES (1, 0, 't3.column_total', 0, 'error', 'x', '[]'), (1, 1, 't3.row_total', 1, 'error', 'x', '[]');`);
    indexPendingText(v2);
    v2.close();
    const v8 = openDatabase(file);
    expect(v8.prepare('SELECT failed_checks, min_confidence, file_kind, file_name, deleted_at FROM reports').get()).toEqual({
      failed_checks: 1,
      min_confidence: 0.6,
      file_kind: 'html',
      file_name: '年报.html',
      deleted_at: null,
    });
    expect(v8.prepare("SELECT count(*) FROM saved_views").pluck().get()).toBe(0);
    v8.close();
  });

  it('is applied to a library released at migration 7', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const without = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 7));
    without.exec("INSERT INTO reports (id, agency, created_at, updated_at) VALUES (1, '岳阳县民政局', 'now', 'now'), (2, '阿坝县民政局', 'now', 'now'), (3, NULL, 'now', 'now')");
    expect(schemaVersion(without)).toBe(7);
    without.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT deleted_at, failed_checks FROM reports WHERE id = 1').get()).toEqual({ deleted_at: null, failed_checks: 0 });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('saved_views', 'zh_ranks', 'merge_conflicts')").pluck().get()).toBe(3);
    // the reports already there sort in Chinese order
    expect(queryIds(db, { sort: { key: 'agency', desc: false } })).toEqual([2, 1, 3]);
    expect(fs.existsSync(`${file}.v7.bak`)).toBe(true);
    db.close();
    // and only once
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    again.close();
  });
});
