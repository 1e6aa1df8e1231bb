-- Verification of submitted assessments, the comments sent back to units, answers carried over from an earlier
-- period, and unit-list imports awaiting the admin's confirmation.

-- One verifier decision per indicator. self_level/self_is_na snapshot the answer that was judged, so a decision
-- made before the unit changed its answer is recognised as stale and must be made again.
CREATE TABLE verification_decisions (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  indicator_code TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('terima', 'ubah')),
  self_level INTEGER,
  self_is_na INTEGER NOT NULL DEFAULT 0,
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, indicator_code)
);

-- Comments sent to the unit when an assessment is returned or reopened. Each return is a new round; earlier rounds
-- stay as history. indicator_code NULL is a general comment.
CREATE TABLE review_comments (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  round INTEGER NOT NULL,
  indicator_code TEXT,
  comment TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX review_comments_assessment ON review_comments (assessment_id, round);

-- A draft whose answers were copied from an earlier period, until the unit confirms them.
CREATE TABLE assessment_copies (
  assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
  source_period_id INTEGER NOT NULL REFERENCES periods (id),
  copied_count INTEGER NOT NULL,
  copied_at TEXT NOT NULL,
  confirmed_at TEXT,
  confirmed_by INTEGER REFERENCES users (id)
);

-- A parsed unit list waiting on its preview page; applied at most once.
CREATE TABLE unit_imports (
  token TEXT PRIMARY KEY,
  created_by INTEGER NOT NULL REFERENCES users (id),
  file_name TEXT NOT NULL,
  rows TEXT NOT NULL,
  created_at TEXT NOT NULL,
  applied_at TEXT
);
