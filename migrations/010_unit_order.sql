-- Kutai Timur's units in their official order (the Perda's order of perangkat daerah, then the kecamatan in BPS
-- order), with their abbreviations and a flag for units an admin still has to confirm (the two hospitals), and
-- who finished the verification of an assessment (the rapor names the verifikator).

ALTER TABLE units ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN abbreviation TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN needs_confirmation INTEGER NOT NULL DEFAULT 0;

-- An existing list keeps the order it was shown in (perangkat daerah, then kecamatan, each by name) until the
-- official list is imported with its order.
UPDATE units SET sort_order = (
  SELECT COUNT(*) FROM units o
  WHERE o.group_kind > units.group_kind OR (o.group_kind = units.group_kind AND (o.name < units.name OR (o.name = units.name AND o.id <= units.id)))
);

ALTER TABLE assessments ADD COLUMN verified_by INTEGER REFERENCES users (id);

-- Verifications finished before this column existed: the audit log names who finished each one (the latest).
UPDATE assessments SET verified_by = (
  SELECT l.user_id FROM audit_log l
  WHERE l.action = 'assessment.verify' AND l.entity = 'assessment' AND l.entity_id = assessments.id
  ORDER BY l.id DESC LIMIT 1
) WHERE status = 'diverifikasi';

CREATE INDEX units_sort_order ON units (sort_order);
