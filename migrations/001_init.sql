-- Foundation schema: units, accounts, sessions, instrument versions, periods, assessments, Renaksi.

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  group_kind TEXT NOT NULL CHECK (group_kind IN ('pd', 'kecamatan')),
  provisional INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'verifikator', 'narahubung', 'fasilitator', 'tim_renaksi')),
  unit_id INTEGER REFERENCES units (id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  CHECK ((role = 'narahubung') = (unit_id IS NOT NULL))
);

CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE instruments (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  version TEXT NOT NULL,
  content TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE periods (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  instrument_id INTEGER NOT NULL REFERENCES instruments (id),
  deadline TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES periods (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  status TEXT NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'diajukan', 'dikembalikan', 'diverifikasi')),
  submitted_at TEXT,
  verified_at TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (period_id, unit_id)
);

CREATE TABLE answers (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  indicator_code TEXT NOT NULL,
  level INTEGER CHECK (level BETWEEN 0 AND 4),
  is_na INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  verified_level INTEGER CHECK (verified_level BETWEEN 0 AND 4),
  verifier_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),
  UNIQUE (assessment_id, indicator_code),
  CHECK (NOT (is_na = 1 AND level IS NOT NULL))
);

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  indicator_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('link', 'file')),
  url TEXT,
  file_name TEXT,
  file_size INTEGER,
  file_sha256 TEXT,
  mime_type TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX evidence_assessment ON evidence (assessment_id, indicator_code);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  unit_id INTEGER REFERENCES units (id),
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_log_unit ON audit_log (unit_id, at);

CREATE TABLE renaksi_plans (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL UNIQUE REFERENCES periods (id),
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draf' CHECK (status IN ('draf', 'final')),
  generated_at TEXT,
  updated_at TEXT NOT NULL,
  CHECK (end_year >= start_year AND end_year - start_year <= 9)
);

CREATE TABLE renaksi_rows (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  source_key TEXT,
  scope TEXT NOT NULL CHECK (scope IN ('kabupaten', 'unit', 'manual')),
  unit_id INTEGER REFERENCES units (id),
  aspect_code TEXT NOT NULL,
  indicator_code TEXT,
  problem TEXT NOT NULL DEFAULT '',
  goal TEXT NOT NULL DEFAULT '',
  activity TEXT NOT NULL DEFAULT '',
  output_indicator TEXT NOT NULL DEFAULT '',
  targets TEXT NOT NULL DEFAULT '{}',
  schedule TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  budget TEXT NOT NULL DEFAULT '',
  support TEXT NOT NULL DEFAULT '',
  verification TEXT NOT NULL DEFAULT '',
  realization TEXT NOT NULL DEFAULT '',
  priority REAL NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  edited_fields TEXT NOT NULL DEFAULT '[]',
  gap_open INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, source_key)
);
CREATE INDEX renaksi_rows_plan ON renaksi_rows (plan_id, sort_order);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
