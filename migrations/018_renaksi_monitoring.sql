-- Monitoring and evaluation (monev) of the final Renaksi (issue 15): the realisasi of every Lampiran I row and of
-- every unit's own part (its Lampiran II indicators) per semester of each plan year, reviewed by a verifikator.
--
-- NOTE: reports are keyed by renaksi_rows.id (Lampiran I) and by (plan_id, unit_id, indicator_code) (Lampiran II).
-- Both survive what the Renaksi does to a plan: reopening only flips renaksi_plans.status, regeneration updates rows
-- in place by source key and marks closed gaps instead of deleting them, deletion is soft, and final versions keep
-- their own copy of the rows. A reopened plan therefore keeps its realisasi; it is simply not monitored (nothing can
-- be reported) until it is final again.

-- When each semester may be reported: calendar dates in WITA (YYYY-MM-DD), both inclusive. A semester without a row
-- here has no window yet and is open.
CREATE TABLE monev_windows (
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  year INTEGER NOT NULL,
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  opens_on TEXT NOT NULL,
  deadline TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),
  PRIMARY KEY (plan_id, year, semester),
  CHECK (deadline >= opens_on)
);

-- The realisasi of one Lampiran I row in one semester. realisasi is the output achieved in the plan year up to the end
-- of the semester (cumulative within the year), in the unit of that year's output target.
CREATE TABLE monev_row_reports (
  id INTEGER PRIMARY KEY,
  row_id INTEGER NOT NULL REFERENCES renaksi_rows (id),
  year INTEGER NOT NULL,
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  status TEXT CHECK (status IN ('belum_dimulai', 'berjalan', 'selesai', 'tidak_dilaksanakan')),
  realisasi REAL CHECK (realisasi IS NULL OR realisasi >= 0),
  kendala TEXT NOT NULL DEFAULT '',
  tindak_lanjut TEXT NOT NULL DEFAULT '',
  review_state TEXT NOT NULL DEFAULT 'draf' CHECK (review_state IN ('draf', 'diajukan', 'diterima', 'dikembalikan')),
  verifier_comment TEXT NOT NULL DEFAULT '',
  reported_by INTEGER REFERENCES users (id),
  submitted_at TEXT,
  reviewed_by INTEGER REFERENCES users (id),
  reviewed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (row_id, year, semester)
);

-- A unit's own report for one semester (its Lampiran II indicators), reviewed as a whole.
CREATE TABLE monev_unit_reports (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
  review_state TEXT NOT NULL DEFAULT 'draf' CHECK (review_state IN ('draf', 'diajukan', 'diterima', 'dikembalikan')),
  verifier_comment TEXT NOT NULL DEFAULT '',
  reported_by INTEGER REFERENCES users (id),
  submitted_at TEXT,
  reviewed_by INTEGER REFERENCES users (id),
  reviewed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, unit_id, year, semester)
);

-- What the unit did on one of its indicators in that semester.
CREATE TABLE monev_unit_items (
  report_id INTEGER NOT NULL REFERENCES monev_unit_reports (id),
  indicator_code TEXT NOT NULL,
  status TEXT CHECK (status IN ('belum_dimulai', 'berjalan', 'selesai', 'tidak_dilaksanakan')),
  activity TEXT NOT NULL DEFAULT '',
  kendala TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, indicator_code)
);

-- Bukti dukung of a report: the same kinds and checks as a unit's questionnaire evidence (files stored by content in
-- <dataDir>/evidence/, links). A row report's evidence has no indicator; a unit report's names one.
CREATE TABLE monev_evidence (
  id INTEGER PRIMARY KEY,
  row_report_id INTEGER REFERENCES monev_row_reports (id),
  unit_report_id INTEGER REFERENCES monev_unit_reports (id),
  indicator_code TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('link', 'file')),
  url TEXT,
  file_name TEXT,
  file_size INTEGER,
  file_sha256 TEXT,
  mime_type TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK ((row_report_id IS NULL) <> (unit_report_id IS NULL))
);
CREATE INDEX monev_evidence_row ON monev_evidence (row_report_id) WHERE row_report_id IS NOT NULL;
CREATE INDEX monev_evidence_unit ON monev_evidence (unit_report_id) WHERE unit_report_id IS NOT NULL;

-- The coordinating PD of a Lampiran I row when the admin names one; otherwise it is found from the row's
-- penanggung jawab text (monitoring-calc.ts, matchCoordinator).
CREATE TABLE monev_coordinators (
  row_id INTEGER PRIMARY KEY REFERENCES renaksi_rows (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id)
);
