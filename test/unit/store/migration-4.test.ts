// Migration 4 (review): history rows written before it read back with no action and no confidence.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../src/main/core/store/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/core/store/migrations';
import { fieldHistory } from '../../../src/main/core/store/history';
import { tempDir } from '../../support/tmp';

describe('migration 4 (review)', () => {
  it('keeps earlier history rows readable', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const before = openDatabase(file, MIGRATIONS.filter((m) => m.version < 4));
    before.prepare("INSERT INTO reports (id, created_at, updated_at) VALUES (1, 'now', 'now')").run();
    before
      .prepare("INSERT INTO field_history (report_id, key, old_value, new_value, old_status, new_status, changed_at, changed_by) VALUES (1, 'legacy.fees', 1, 2, 'auto', 'corrected', 'now', 'someone')")
      .run();
    before.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(fieldHistory(db, 1)).toEqual([
      { id: 1, key: 'legacy.fees', oldValue: 1, newValue: 2, oldStatus: 'auto', newStatus: 'corrected', changedAt: 'now', changedBy: 'someone', reason: null, action: null, restoredFrom: null },
    ]);
    db.close();
  });
});
