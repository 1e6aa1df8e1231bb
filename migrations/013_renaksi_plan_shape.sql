-- The Renaksi the Bupati signs (issue 14): Lampiran I has one row per indicator with a gap, whose yearly targets are
-- COUNTS of units at the target level, not levels; Lampiran II maps each unit's own targets. A draft in the old shape
-- (one kabupaten row plus one row per unit below target, targets as levels) is carried over here:
--   * kabupaten rows stay (same source key kab:<code>) with every hand-edited text; their targets were levels and
--     cannot become counts, so targets typed by hand are written into the row's note and the next drafting fills
--     the counts; drafted (untouched) level targets are cleared for the same reason;
--   * a realisasi typed on a kabupaten row (realisasi leaves Lampiran I for the monitoring matrix) is kept in the
--     column and copied into the note so it stays visible;
--   * unit rows the team edited (or marked as priority) become notes of that unit in Lampiran II, naming what was
--     typed; unit rows nobody touched are removed (drafting no longer makes them);
--   * final versions (renaksi_versions) are not touched: their rows and workbook bytes stay exactly as stored.

-- Editable columns of a Lampiran I row that the old shape did not have.
ALTER TABLE renaksi_rows ADD COLUMN unit_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE renaksi_rows ADD COLUMN dpa TEXT NOT NULL DEFAULT '';
-- Target output per plan year as typed text ({"2022": "9 dokumen", …}).
ALTER TABLE renaksi_rows ADD COLUMN output_targets TEXT NOT NULL DEFAULT '{}';
-- The unit counts the row was drafted from (baseline, units below target by group, per gap, yearly), as JSON; NULL
-- until the row is drafted in the new shape (a carried-over row until the next drafting, and rows added by hand).
ALTER TABLE renaksi_rows ADD COLUMN counts TEXT;
-- The team's own note on the row (not printed in Lampiran I); also where the upgrade keeps what cannot be carried.
ALTER TABLE renaksi_rows ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- Notes per unit (and optionally per indicator) for Lampiran II.
CREATE TABLE renaksi_unit_notes (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  indicator_code TEXT,
  note TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id)
);
CREATE INDEX renaksi_unit_notes_plan ON renaksi_unit_notes (plan_id, unit_id);

-- Unit rows the team touched become notes of their unit: one line per edited column with the column's name.
INSERT INTO renaksi_unit_notes (plan_id, unit_id, indicator_code, note, created_at, updated_at, updated_by)
SELECT r.plan_id, r.unit_id, r.indicator_code,
  'Dari baris unit Renaksi sebelum pembaruan' || COALESCE(' (indikator ' || r.indicator_code || ')', '')
    || CASE WHEN r.deleted_at IS NOT NULL THEN ', yang telah dihapus tim' ELSE '' END || ':'
    || CASE WHEN r.is_priority = 1 THEN char(10) || 'Ditandai prioritas oleh tim.' ELSE '' END
    || COALESCE((
      SELECT group_concat(line, '') FROM (
        SELECT char(10) || CASE e.value
          WHEN 'problem' THEN 'Permasalahan: ' || r.problem
          WHEN 'goal' THEN 'Sasaran: ' || r.goal
          WHEN 'activity' THEN 'Kegiatan: ' || r.activity
          WHEN 'outputIndicator' THEN 'Indikator keberhasilan: ' || r.output_indicator
          WHEN 'targets' THEN 'Target tingkat per tahun: ' || COALESCE((SELECT group_concat(t.key || ': ' || t.value, '; ') FROM json_each(r.targets) t), '–')
          WHEN 'schedule' THEN 'Waktu: ' || r.schedule
          WHEN 'responsible' THEN 'Penanggung jawab: ' || r.responsible
          WHEN 'budget' THEN 'Anggaran: ' || r.budget
          WHEN 'support' THEN 'Dukungan: ' || r.support
          WHEN 'verification' THEN 'Bukti dukung: ' || r.verification
          WHEN 'realization' THEN 'Realisasi: ' || r.realization
          ELSE e.value END AS line
        FROM json_each(r.edited_fields) e ORDER BY e.key
      )
    ), ''),
  r.updated_at, r.updated_at, r.updated_by
FROM renaksi_rows r
WHERE r.scope = 'unit' AND r.unit_id IS NOT NULL AND (r.edited_fields <> '[]' OR r.is_priority = 1)
ORDER BY r.plan_id, r.id;

DELETE FROM renaksi_rows WHERE scope = 'unit';

-- Kabupaten and manual rows: typed level targets and a typed realisasi go into the note, visibly.
UPDATE renaksi_rows SET notes =
  CASE WHEN EXISTS (SELECT 1 FROM json_each(edited_fields) e WHERE e.value = 'targets') OR scope = 'manual'
    THEN CASE WHEN targets = '{}' THEN '' ELSE
      'Target per tahun yang diketik sebelum pembaruan, berupa tingkat (bukan jumlah unit): '
      || (SELECT group_concat(t.key || ': tingkat ' || t.value, '; ') FROM json_each(targets) t)
      || '. Target kini dihitung sebagai jumlah unit yang mencapai tingkat target; isi ulang bila perlu.' END
    ELSE '' END
  || CASE WHEN realization <> '' THEN
      CASE WHEN (EXISTS (SELECT 1 FROM json_each(edited_fields) e WHERE e.value = 'targets') OR scope = 'manual') AND targets <> '{}' THEN char(10) ELSE '' END
      || 'Realisasi yang dicatat sebelum pembaruan (kini dicatat di matriks monitoring): ' || realization
    ELSE '' END;

-- Level targets are cleared (the next drafting writes counts); 'targets' and 'realization' are no longer edited fields.
UPDATE renaksi_rows SET
  targets = '{}',
  base_level = NULL,
  edited_fields = (SELECT json_group_array(e.value) FROM json_each(edited_fields) e WHERE e.value NOT IN ('targets', 'realization'));

-- Anggaran: the new default for a row nobody typed one in.
UPDATE renaksi_rows SET budget = 'Sesuai DPA masing-masing PD'
WHERE budget = '' AND NOT EXISTS (SELECT 1 FROM json_each(edited_fields) e WHERE e.value = 'budget');

-- A pending (not yet confirmed) workbook upload was read in the old layout: it cannot be applied to the new rows.
DELETE FROM renaksi_uploads WHERE applied_at IS NULL;
