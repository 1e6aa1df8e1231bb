-- A revision counter per assessment, bumped in the same transaction as any change to its answers, so scores can
-- be cached per assessment and recomputed only for assessments that changed.

ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER answers_bump_revision_insert AFTER INSERT ON answers
BEGIN
  UPDATE assessments SET revision = revision + 1 WHERE id = NEW.assessment_id;
END;

CREATE TRIGGER answers_bump_revision_update AFTER UPDATE ON answers
BEGIN
  UPDATE assessments SET revision = revision + 1 WHERE id = NEW.assessment_id;
END;

CREATE TRIGGER answers_bump_revision_delete AFTER DELETE ON answers
BEGIN
  UPDATE assessments SET revision = revision + 1 WHERE id = OLD.assessment_id;
END;

CREATE INDEX assessments_period ON assessments (period_id, unit_id);
