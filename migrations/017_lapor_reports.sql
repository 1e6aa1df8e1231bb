-- Reports from SP4N-LAPOR! exports, per period, beside the self-assessment (issue 16). Only what the figures need is
-- kept: tracking ID, dates, unit, status, classification, channel, category. The reporter's identity and the report
-- text are never stored (not here, not while an upload waits for its preview: that stays in the server's memory).
CREATE TABLE lapor_imports (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES periods (id),
  file_name TEXT NOT NULL,
  -- The day the export was taken: unfinished reports are judged on it.
  export_date TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  left_out INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('web', 'cli', 'demo')),
  applied_by INTEGER REFERENCES users (id),
  applied_at TEXT NOT NULL
);
CREATE INDEX lapor_imports_period ON lapor_imports (period_id, export_date);

CREATE TABLE lapor_reports (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES periods (id),
  tracking_id TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  received_on TEXT NOT NULL,
  first_response_on TEXT,
  finished_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('belum', 'proses', 'selesai', 'bukan_wewenang', 'arsip')),
  classification TEXT,
  channel TEXT,
  category TEXT,
  import_id INTEGER NOT NULL REFERENCES lapor_imports (id),
  -- A re-import of an overlapping export updates the report it already holds.
  UNIQUE (period_id, tracking_id)
);
CREATE INDEX lapor_reports_unit ON lapor_reports (period_id, unit_id);

-- Column headers the admin mapped once, remembered for the next export (header compared case- and space-insensitively).
CREATE TABLE lapor_header_mappings (
  header_key TEXT PRIMARY KEY,
  field TEXT NOT NULL,
  header TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),
  updated_at TEXT NOT NULL
);

-- Instansi names confirmed by the admin: the unit their reports go to, or NULL for "not one of our units" (left out).
CREATE TABLE lapor_instansi_units (
  instansi_key TEXT PRIMARY KEY,
  instansi_name TEXT NOT NULL,
  unit_id INTEGER REFERENCES units (id),
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT NOT NULL
);

-- Days off besides weekends and national holidays: cuti bersama (and a holiday the package dates differently).
CREATE TABLE lapor_days_off (
  day TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);

-- The number of reports agreed with each unit for a period (E3 compares what it received against it).
CREATE TABLE lapor_targets (
  period_id INTEGER NOT NULL REFERENCES periods (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  target INTEGER NOT NULL CHECK (target >= 1),
  PRIMARY KEY (period_id, unit_id)
);
