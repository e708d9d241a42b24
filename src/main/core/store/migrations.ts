// Numbered schema migrations; PRAGMA user_version holds the last one applied.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
