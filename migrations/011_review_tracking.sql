-- Verification that follows what the unit changes and keeps what the verifier types: a revision of the unit's own
-- work per answer, decisions pinned to it, the verifier's comments kept as they are typed, and answers copied from
-- an earlier period tracked one by one.

-- Changes the unit made to an answer: its level, N/A or note (counted by the answers repository's upsert, so the
-- row it returns is exact) or its evidence (counted by the triggers below). The verifier's level and note do not
-- count.
ALTER TABLE answers ADD COLUMN self_revision INTEGER NOT NULL DEFAULT 0;
-- self_revision when the assessment last went back to the unit (returned or reopened); NULL: never went back.
ALTER TABLE answers ADD COLUMN returned_revision INTEGER;
-- Copied from an earlier period and not changed since: 'disalin' until the unit confirms, then 'dikonfirmasi';
-- NULL for the unit's own answers (a copied answer becomes one as soon as its level, N/A or note changes).
ALTER TABLE answers ADD COLUMN copy_state TEXT CHECK (copy_state IN ('disalin', 'dikonfirmasi'));

CREATE TRIGGER evidence_counts_as_answer_change_insert AFTER INSERT ON evidence
BEGIN
  UPDATE answers SET self_revision = self_revision + 1
  WHERE assessment_id = NEW.assessment_id AND indicator_code = NEW.indicator_code;
END;

CREATE TRIGGER evidence_counts_as_answer_change_delete AFTER UPDATE OF deleted_at ON evidence
WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
BEGIN
  UPDATE answers SET self_revision = self_revision + 1
  WHERE assessment_id = NEW.assessment_id AND indicator_code = NEW.indicator_code;
END;

-- The answer's self_revision the decision was made on; a decision stands only while they are equal. Decisions made
-- before this migration stand when the level and N/A they judged are still the answer's (every answer starts at 0).
ALTER TABLE verification_decisions ADD COLUMN self_revision INTEGER;
UPDATE verification_decisions SET self_revision = 0
WHERE EXISTS (
  SELECT 1 FROM answers an
  WHERE an.assessment_id = verification_decisions.assessment_id AND an.indicator_code = verification_decisions.indicator_code
    AND an.is_na = verification_decisions.self_is_na AND an.level IS verification_decisions.self_level
);

-- Answers copied before this migration and not saved since (a save moves updated_at past the copy time).
UPDATE answers SET copy_state = CASE WHEN c.confirmed_at IS NULL THEN 'disalin' ELSE 'dikonfirmasi' END
FROM assessment_copies c
WHERE c.assessment_id = answers.assessment_id AND answers.updated_at <= c.copied_at;

-- What the verifier typed for the unit and has not sent yet: one comment per indicator (indicator_code NULL: the
-- general comment). Returning the assessment moves them into review_comments as a new round.
CREATE TABLE review_comment_drafts (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  indicator_code TEXT,
  comment TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX review_comment_drafts_key ON review_comment_drafts (assessment_id, COALESCE(indicator_code, ''));
