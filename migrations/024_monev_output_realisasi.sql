-- A Lampiran I row whose year's output target lists several outputs ("1) 9 dokumen\n2) 4 notulen per unit") is
-- reported with one realisasi per output, so its capaian counts every output (monitoring-calc.ts, capaianOfOutputs):
-- a JSON array of numbers (null for an output left empty) in the target's order. realisasi keeps the first output's,
-- as before; output_realisasi stays NULL for a target with one output and for reports saved before this migration.
ALTER TABLE monev_row_reports ADD COLUMN output_realisasi TEXT CHECK (output_realisasi IS NULL OR json_valid(output_realisasi));
