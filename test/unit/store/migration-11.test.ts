// Migration 11: the counts of a library made before it are worked out once, then kept by triggers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../src/main/core/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/core/store/migrations';
import { libraryCounts } from '../../../src/main/core/store/library-query';
import { tempDir } from '../../support/tmp';

describe('migration 11 (library counts)', () => {
  it('counts the reports of a version 9 library and keeps counting', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const v9 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 9));
    const add = v9.prepare("INSERT INTO reports (format, year, review_status, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'now', 'now')");
    add.run('2021', 2021, 'verified', null);
    add.run('2021', 2022, 'unreviewed', null);
    add.run(null, null, 'unreviewed', null);
    add.run('legacy', 2009, 'unreviewed', 'then');
    v9.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(libraryCounts(db)).toMatchObject({
      reports: 3,
      trash: 1,
      statuses: { unreviewed: 2, in_review: 0, verified: 1 },
      formats: [
        { value: '2021', count: 2 },
        { value: null, count: 1 },
      ],
      years: { min: 2021, max: 2022 },
    });
    db.prepare("UPDATE reports SET deleted_at = NULL WHERE format = 'legacy'").run();
    expect(libraryCounts(db)).toMatchObject({ reports: 4, trash: 0, years: { min: 2009, max: 2022 } });
    db.close();
  });
});
