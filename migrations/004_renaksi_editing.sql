-- Renaksi editing: soft delete, the team's priority flag, who changed a row last, the level a row's targets were
-- drafted from (so changing the plan years can recompute them), final versions and workbook uploads.

ALTER TABLE renaksi_rows ADD COLUMN deleted_at TEXT;
ALTER TABLE renaksi_rows ADD COLUMN is_priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE renaksi_rows ADD COLUMN base_level INTEGER;
ALTER TABLE renaksi_rows ADD COLUMN created_at TEXT;
ALTER TABLE renaksi_rows ADD COLUMN updated_by INTEGER REFERENCES users (id);

-- A final plan is stored as a dated, read-only version: the exact workbook bytes and the rows as JSON.
CREATE TABLE renaksi_versions (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  version_no INTEGER NOT NULL,
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  finalized_at TEXT NOT NULL,
  finalized_by INTEGER REFERENCES users (id),
  rows_json TEXT NOT NULL,
  xlsx BLOB NOT NULL,
  UNIQUE (plan_id, version_no)
);

CREATE TRIGGER renaksi_versions_no_update BEFORE UPDATE ON renaksi_versions
BEGIN
  SELECT RAISE(ABORT, 'renaksi_versions is read-only');
END;

CREATE TRIGGER renaksi_versions_no_delete BEFORE DELETE ON renaksi_versions
BEGIN
  SELECT RAISE(ABORT, 'renaksi_versions is read-only');
END;

-- An uploaded workbook's validated changes, waiting for the uploader to confirm the preview.
CREATE TABLE renaksi_uploads (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  file_name TEXT NOT NULL,
  changes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  applied_at TEXT
);
CREATE INDEX renaksi_uploads_plan ON renaksi_uploads (plan_id, created_at);
