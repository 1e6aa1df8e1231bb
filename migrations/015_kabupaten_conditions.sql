-- The kabupaten's own conditions (the instrument's kabupatenChecklist, revision 2 onwards): a Peraturan Bupati, the
-- SK Bupati, the Renaksi, connected units, a budget line. The admin answers each per period with evidence and a
-- verifikator confirms or changes the answer. They never enter a unit's index.

-- One answer per period and item. value: '0'–'4' for a "tingkat" item, 'ya' | 'sebagian' | 'tidak' otherwise;
-- NULL while only a note was typed. judged_value is the answer the decision judged: once the admin changes the
-- answer the decision is stale and must be made again. revision counts every write (the live deck's cue).
CREATE TABLE kabupaten_answers (
  period_id INTEGER NOT NULL REFERENCES periods (id),
  item_code TEXT NOT NULL,
  value TEXT,
  note TEXT NOT NULL DEFAULT '',
  answered_by INTEGER REFERENCES users (id),
  answered_at TEXT,
  decision TEXT CHECK (decision IN ('terima', 'ubah')),
  judged_value TEXT,
  verified_value TEXT,
  verifier_comment TEXT NOT NULL DEFAULT '',
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  revision INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (period_id, item_code),
  CHECK ((decision IS NULL) = (verified_value IS NULL) AND (decision IS NULL) = (judged_value IS NULL))
);

-- Bukti dukung of a kabupaten condition: the same kinds and checks as a unit's evidence (files stored by content in
-- <dataDir>/evidence/, links), owned by the period instead of a unit's assessment.
CREATE TABLE kabupaten_evidence (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES periods (id),
  item_code TEXT NOT NULL,
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
CREATE INDEX kabupaten_evidence_period ON kabupaten_evidence (period_id, item_code);
