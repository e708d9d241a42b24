// Numbered schema migrations, in order; PRAGMA user_version holds the last one applied. Numbers
// are never reused (5 was given to work that landed as 8).
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const T3_DENIED = ['secret', 'law', 'safety', 'third_party', 'internal', 'process', 'casefile', 'query'].map((r) => `t3.denied_${r}.total`);
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Figures of the comparison across agencies, indexed by migration 7. Never edit: add a migration. */
export const FIGURE_KEYS: readonly string[] = [
  't3.new.total',
  't3.granted.total',
  't3.total.total',
  ...T3_DENIED,
  ...['review', 'suit_direct', 'suit_after'].flatMap((g) => OUTCOMES.map((c) => `t4.${g}.${c}`)),
  'legacy.apply.received',
  'legacy.reply.granted',
  'legacy.reply.total',
  ...['review', 'suit'].flatMap((g) => ['total', 'upheld', 'corrected', 'other'].map((c) => `legacy.${g}.${c}`)),
  'n.apply_received',
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'library',
    sql: `
CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  title         TEXT,
  agency        TEXT,
  region        TEXT,
  year          INTEGER,
  format        TEXT,
  doc_kind      TEXT,
  review_status TEXT NOT NULL DEFAULT 'unreviewed'
                CHECK (review_status IN ('unreviewed', 'in_review', 'verified')),
  duplicate_of  INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  minhash       BLOB,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX reports_agency_year ON reports(agency, year);

-- one row per distinct content (sha256); the original is in blobs/<aa>/<sha256>
CREATE TABLE files (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  sha256     TEXT NOT NULL UNIQUE,
  size       INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  encoding   TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX files_report ON files(report_id);

-- every name and path a file arrived under
CREATE TABLE file_sources (
  id      INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  path    TEXT NOT NULL,
  job_id  TEXT,
  seen_at TEXT NOT NULL,
  UNIQUE (file_id, path)
);

-- extracted content per file and page (page 0 for web pages and text)
CREATE TABLE pages (
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  page    INTEGER NOT NULL,
  text    TEXT NOT NULL,
  tables  TEXT,
  tokens  TEXT,
  PRIMARY KEY (file_id, page)
);

-- near-duplicate lookup: locality-sensitive bands of each report's minhash
CREATE TABLE report_bands (
  band      INTEGER NOT NULL,
  hash      INTEGER NOT NULL,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, report_id)
) WITHOUT ROWID;

CREATE TABLE fields (
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  value         ANY,
  original_text TEXT,
  unit          TEXT,
  approx        INTEGER NOT NULL DEFAULT 0,
  confidence    REAL NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('auto', 'corrected', 'verified', 'missing')),
  source        TEXT NOT NULL,
  note          TEXT,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (report_id, key)
) STRICT;

CREATE TABLE field_history (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  old_value  ANY,
  new_value  ANY,
  old_status TEXT,
  new_status TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  reason     TEXT
) STRICT;
CREATE INDEX field_history_report ON field_history(report_id, key);

CREATE TABLE checks (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  rule      TEXT NOT NULL,
  ok        INTEGER NOT NULL,
  severity  TEXT NOT NULL,
  message   TEXT NOT NULL,
  keys      TEXT NOT NULL,
  diff      REAL,
  PRIMARY KEY (report_id, seq)
);

-- statistics-table rows no field key matched: shown to the reviewer and exported, never dropped
CREATE TABLE unmapped_rows (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  label     TEXT NOT NULL,
  "values"  TEXT NOT NULL,
  span      TEXT,
  PRIMARY KEY (report_id, seq)
);

CREATE TABLE jobs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
  total       INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE job_outcomes (
  job_id       TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  path         TEXT NOT NULL,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'failed', 'skipped')),
  report_id    INTEGER,
  duplicate_of INTEGER,
  code         TEXT,
  message      TEXT,
  PRIMARY KEY (job_id, seq)
);
`,
  },
  {
    version: 2,
    name: 'full-text search',
    sql: `
-- report text for full-text search: trigram tokens find any Chinese substring of 3+ characters
-- (filled in batches by indexPendingText; reports.text_indexed marks what is in)
CREATE VIRTUAL TABLE report_text USING fts5(text, tokenize = 'trigram', content = '');
ALTER TABLE reports ADD COLUMN text_indexed INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    version: 3,
    name: 'ocr cache',
    sql: `
-- OCR words per page of a file's content, by recognition settings: a re-import or a resumed job
-- never reads a page twice. words: JSON [{text, x, y, w, h, conf}] in page units.
CREATE TABLE ocr_pages (
  sha256     TEXT NOT NULL,
  page       INTEGER NOT NULL,
  settings   TEXT NOT NULL,
  width      REAL NOT NULL,
  height     REAL NOT NULL,
  words      TEXT NOT NULL,
  confidence REAL NOT NULL,
  ms         INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, page, settings)
) WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: 'review',
    sql: `
-- history rows remember confidence on both sides (an undo restores it), what kind of change it was
-- (NULL: a person's edit; 'restore', 'reextract', 'merge', 'verify', 'meta') and which row a restore reverted
ALTER TABLE field_history ADD COLUMN old_confidence REAL;
ALTER TABLE field_history ADD COLUMN new_confidence REAL;
ALTER TABLE field_history ADD COLUMN action TEXT;
ALTER TABLE field_history ADD COLUMN restored_from INTEGER;
-- the review queue: reports with failing rules or low-confidence values first
-- (0.6 is LOW_CONFIDENCE of src/shared/review.ts)
CREATE INDEX checks_failing ON checks(report_id) WHERE ok = 0;
CREATE INDEX fields_low_confidence ON fields(report_id) WHERE status = 'auto' AND confidence < 0.6;
`,
  },
  {
    version: 6,
    name: 'bundle merge conflicts, report outlines',
    sql: `
-- a figure two archivists corrected differently: the local value stays, the incoming one is kept here
CREATE TABLE merge_conflicts (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key             TEXT NOT NULL,
  local_value     ANY,
  local_status    TEXT NOT NULL,
  incoming_value  ANY,
  incoming_status TEXT NOT NULL,
  incoming_by     TEXT,
  incoming_at     TEXT NOT NULL,
  bundle          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  resolved_at     TEXT,
  resolution      TEXT CHECK (resolution IN ('local', 'incoming')),
  UNIQUE (report_id, key, incoming_value, incoming_at)
) STRICT;

-- which required sections of the report body were found, per report (for the compliance view);
-- recomputed when the report's first file changes
CREATE TABLE report_outlines (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  file_id   INTEGER NOT NULL,
  sections  TEXT NOT NULL
);
`,
  },
  {
    version: 7,
    name: 'analysis: outline details, figures index',
    sql: `
-- the outline also keeps the field groups with figures and the publication date, and is made again
-- when the report's updated_at changes ('' marks the outlines made before this migration as stale)
ALTER TABLE report_outlines ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE report_outlines ADD COLUMN tables TEXT NOT NULL DEFAULT '[]';
ALTER TABLE report_outlines ADD COLUMN published_at TEXT;

-- failing checks only (the same index the review screen's migration makes)
CREATE INDEX IF NOT EXISTS checks_failing ON checks(report_id) WHERE ok = 0;

-- the figures the comparison across agencies adds up (FIGURE_KEYS below; a change of that list
-- needs a new migration), readable from the index alone
CREATE INDEX fields_figures ON fields(key, report_id, value) WHERE key IN (${FIGURE_KEYS.map((k) => `'${k}'`).join(', ')});
`,
  },
  {
    version: 8,
    name: 'library: list columns, trash, saved views',
    sql: `
-- what the library list sorts and filters on, kept by triggers so every writer keeps it right
ALTER TABLE reports ADD COLUMN failed_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN min_confidence REAL;
ALTER TABLE reports ADD COLUMN file_kind TEXT;
ALTER TABLE reports ADD COLUMN file_name TEXT;
-- in the trash since (NULL: in the library); originals stay until the trash is emptied
ALTER TABLE reports ADD COLUMN deleted_at TEXT;
-- Chinese order of the text columns: the rank of the report's value in zh_ranks (NULL: no value, or
-- not ranked yet; store/zh-order.ts ranks values before a sort by the column)
ALTER TABLE reports ADD COLUMN agency_rank INTEGER;
ALTER TABLE reports ADD COLUMN region_rank INTEGER;
ALTER TABLE reports ADD COLUMN file_name_rank INTEGER;
UPDATE reports SET
  failed_checks = (SELECT count(*) FROM checks c WHERE c.report_id = reports.id AND c.ok = 0),
  min_confidence = (SELECT min(confidence) FROM fields f WHERE f.report_id = reports.id),
  file_kind = (SELECT kind FROM files f WHERE f.report_id = reports.id ORDER BY f.id LIMIT 1),
  file_name = (SELECT s.name FROM files f JOIN file_sources s ON s.file_id = f.id WHERE f.report_id = reports.id ORDER BY f.id, s.id LIMIT 1);
-- the list's columns in one narrow index: filters, sorts and counts read it instead of the table (a
-- filtered part is sorted from it too)
CREATE INDEX reports_list ON reports(deleted_at, review_status, format, file_kind, year, failed_checks, min_confidence, created_at, agency, region, file_name, agency_rank, region_rank, file_name_rank);
-- and the default order (by id) without a sort
CREATE INDEX reports_live ON reports(deleted_at, id);
-- emptying the trash deletes reports: their children are found by these, not by scans
CREATE INDEX reports_duplicate_of ON reports(duplicate_of);
CREATE INDEX report_bands_report ON report_bands(report_id);
CREATE INDEX checks_failed ON checks(rule, report_id) WHERE ok = 0;

CREATE TRIGGER checks_failed_insert AFTER INSERT ON checks WHEN NEW.ok = 0 BEGIN
  UPDATE reports SET failed_checks = failed_checks + 1 WHERE id = NEW.report_id;
END;
CREATE TRIGGER checks_failed_delete AFTER DELETE ON checks WHEN OLD.ok = 0 BEGIN
  UPDATE reports SET failed_checks = failed_checks - 1 WHERE id = OLD.report_id;
END;
CREATE TRIGGER checks_failed_update AFTER UPDATE OF ok, report_id ON checks BEGIN
  UPDATE reports SET failed_checks = failed_checks - (OLD.ok = 0) WHERE id = OLD.report_id;
  UPDATE reports SET failed_checks = failed_checks + (NEW.ok = 0) WHERE id = NEW.report_id;
END;

-- min_confidence: lowered on insert, recomputed only when the row holding the minimum changes or
-- goes (a report without fields has NULL). INSERT OR REPLACE fires the DELETE triggers because
-- every connection turns recursive_triggers on (db.ts).
CREATE TRIGGER fields_confidence_insert AFTER INSERT ON fields BEGIN
  UPDATE reports SET min_confidence = NEW.confidence WHERE id = NEW.report_id AND (min_confidence IS NULL OR NEW.confidence < min_confidence);
END;
CREATE TRIGGER fields_confidence_update AFTER UPDATE OF confidence, report_id ON fields
WHEN OLD.confidence IS NOT NEW.confidence OR OLD.report_id IS NOT NEW.report_id BEGIN
  UPDATE reports SET min_confidence = (SELECT min(confidence) FROM fields WHERE report_id = reports.id)
  WHERE id IN (OLD.report_id, NEW.report_id);
END;
CREATE TRIGGER fields_confidence_delete AFTER DELETE ON fields
WHEN OLD.confidence <= (SELECT min_confidence FROM reports WHERE id = OLD.report_id) BEGIN
  UPDATE reports SET min_confidence = (SELECT min(confidence) FROM fields WHERE report_id = OLD.report_id) WHERE id = OLD.report_id;
END;

-- the first file of a report (lowest id) and the first name it arrived under
CREATE TRIGGER files_first_insert AFTER INSERT ON files BEGIN
  UPDATE reports SET file_kind = NEW.kind WHERE id = NEW.report_id AND file_kind IS NULL;
END;
CREATE TRIGGER file_sources_first_insert AFTER INSERT ON file_sources BEGIN
  UPDATE reports SET file_name = NEW.name WHERE id = (SELECT report_id FROM files WHERE id = NEW.file_id) AND file_name IS NULL;
END;
CREATE TRIGGER files_first_change AFTER UPDATE OF report_id, kind ON files BEGIN
  UPDATE reports SET
    file_kind = (SELECT kind FROM files f WHERE f.report_id = reports.id ORDER BY f.id LIMIT 1),
    file_name = (SELECT s.name FROM files f JOIN file_sources s ON s.file_id = f.id WHERE f.report_id = reports.id ORDER BY f.id, s.id LIMIT 1)
  WHERE id IN (OLD.report_id, NEW.report_id);
END;
CREATE TRIGGER files_first_delete AFTER DELETE ON files BEGIN
  UPDATE reports SET
    file_kind = (SELECT kind FROM files f WHERE f.report_id = reports.id ORDER BY f.id LIMIT 1),
    file_name = (SELECT s.name FROM files f JOIN file_sources s ON s.file_id = f.id WHERE f.report_id = reports.id ORDER BY f.id, s.id LIMIT 1)
  WHERE id = OLD.report_id;
END;

-- a named filter + sort + search of the library list (query: JSON, see LibraryQuery)
CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  query      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- the Chinese orders of the whole list without a sort
CREATE INDEX reports_agency_order ON reports(deleted_at, agency_rank, id);
CREATE INDEX reports_region_order ON reports(deleted_at, region_rank, id);
CREATE INDEX reports_file_name_order ON reports(deleted_at, file_name_rank, id);
-- the values still to rank
CREATE INDEX reports_agency_unranked ON reports(agency) WHERE agency_rank IS NULL AND agency IS NOT NULL;
CREATE INDEX reports_region_unranked ON reports(region) WHERE region_rank IS NULL AND region IS NOT NULL;
CREATE INDEX reports_file_name_unranked ON reports(file_name) WHERE file_name_rank IS NULL AND file_name IS NOT NULL;

-- each value of a text column ranked under Intl.Collator('zh-CN'), with gaps for values that come later
CREATE TABLE zh_ranks (
  col   TEXT NOT NULL,
  value TEXT NOT NULL,
  rank  INTEGER NOT NULL,
  PRIMARY KEY (col, value)
) WITHOUT ROWID;
-- a changed value takes its value's rank (NULL until ranked)
CREATE TRIGGER reports_agency_rank AFTER UPDATE OF agency ON reports WHEN OLD.agency IS NOT NEW.agency BEGIN
  UPDATE reports SET agency_rank = (SELECT rank FROM zh_ranks WHERE col = 'agency' AND value = NEW.agency) WHERE id = NEW.id;
END;
CREATE TRIGGER reports_region_rank AFTER UPDATE OF region ON reports WHEN OLD.region IS NOT NEW.region BEGIN
  UPDATE reports SET region_rank = (SELECT rank FROM zh_ranks WHERE col = 'region' AND value = NEW.region) WHERE id = NEW.id;
END;
CREATE TRIGGER reports_file_name_rank AFTER UPDATE OF file_name ON reports WHEN OLD.file_name IS NOT NEW.file_name BEGIN
  UPDATE reports SET file_name_rank = (SELECT rank FROM zh_ranks WHERE col = 'file_name' AND value = NEW.file_name) WHERE id = NEW.id;
END;
`,
  },
  {
    version: 9,
    name: 'pages: turn and OCR reason',
    sql: `
-- quarter turns clockwise a page was drawn at to be read (a scan fed sideways or upside down): its
-- words are in the turned page's units and the review screen draws it turned the same way; and why
-- its words came from OCR (NULL: the file's own text), see PageNeed in pdf/text-layer.ts
ALTER TABLE pages ADD COLUMN turn INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN ocr_reason TEXT;
`,
  },
  {
    version: 11,
    name: 'library counts kept by triggers',
    sql: `
-- how many reports the library (deleted 0) and the trash (1) hold by status, layout and file type
-- (NULL layout or type as ''), so library:counts reads a few rows instead of every report
CREATE TABLE report_counts (
  deleted       INTEGER NOT NULL,
  review_status TEXT NOT NULL,
  format        TEXT NOT NULL,
  file_kind     TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (deleted, review_status, format, file_kind)
) WITHOUT ROWID;
INSERT INTO report_counts
  SELECT deleted_at IS NOT NULL, review_status, coalesce(format, ''), coalesce(file_kind, ''), count(*) FROM reports
  GROUP BY deleted_at IS NOT NULL, review_status, coalesce(format, ''), coalesce(file_kind, '');
CREATE TRIGGER report_counts_insert AFTER INSERT ON reports BEGIN
  INSERT INTO report_counts VALUES (NEW.deleted_at IS NOT NULL, NEW.review_status, coalesce(NEW.format, ''), coalesce(NEW.file_kind, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER report_counts_delete AFTER DELETE ON reports BEGIN
  UPDATE report_counts SET n = n - 1
  WHERE deleted = (OLD.deleted_at IS NOT NULL) AND review_status = OLD.review_status AND format = coalesce(OLD.format, '') AND file_kind = coalesce(OLD.file_kind, '');
END;
CREATE TRIGGER report_counts_update AFTER UPDATE OF deleted_at, review_status, format, file_kind ON reports
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.review_status IS NOT NEW.review_status OR OLD.format IS NOT NEW.format OR OLD.file_kind IS NOT NEW.file_kind BEGIN
  UPDATE report_counts SET n = n - 1
  WHERE deleted = (OLD.deleted_at IS NOT NULL) AND review_status = OLD.review_status AND format = coalesce(OLD.format, '') AND file_kind = coalesce(OLD.file_kind, '');
  INSERT INTO report_counts VALUES (NEW.deleted_at IS NOT NULL, NEW.review_status, coalesce(NEW.format, ''), coalesce(NEW.file_kind, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
-- the years of the library without reading every report
CREATE INDEX reports_live_year ON reports(deleted_at, year);

-- counters of changes, for what is worked out from many rows and kept until they change:
-- failing_checks moves whenever a failing check comes, goes or changes (the failing rules' counts)
CREATE TABLE change_counters (
  name TEXT PRIMARY KEY,
  n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO change_counters VALUES ('failing_checks', 0);
CREATE TRIGGER failing_checks_insert AFTER INSERT ON checks WHEN NEW.ok = 0 BEGIN
  UPDATE change_counters SET n = n + 1 WHERE name = 'failing_checks';
END;
CREATE TRIGGER failing_checks_delete AFTER DELETE ON checks WHEN OLD.ok = 0 BEGIN
  UPDATE change_counters SET n = n + 1 WHERE name = 'failing_checks';
END;
CREATE TRIGGER failing_checks_update AFTER UPDATE OF ok, rule, report_id ON checks WHEN OLD.ok = 0 OR NEW.ok = 0 BEGIN
  UPDATE change_counters SET n = n + 1 WHERE name = 'failing_checks';
END;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
