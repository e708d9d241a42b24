// Migration 7: outlines made under migration 6 become stale (made again), the figures index exists.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../src/main/core/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/core/store/migrations';
import { tempDir } from '../../support/tmp';

describe('migration 7 (analysis)', () => {
  it('keeps the outlines of a version 6 library and marks them stale', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const v6 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 6));
    v6.prepare("INSERT INTO reports (id, created_at, updated_at) VALUES (1, 'now', 'now')").run();
    v6.prepare("INSERT INTO report_outlines (report_id, file_id, sections) VALUES (1, 1, '[\"overview\"]')").run();
    v6.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT sections, updated_at AS updatedAt, tables FROM report_outlines').get()).toEqual({ sections: '["overview"]', updatedAt: '', tables: '[]' });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('fields_figures', 'checks_failing') ORDER BY name").pluck().all()).toEqual(['checks_failing', 'fields_figures']);
    db.close();
  });
});
