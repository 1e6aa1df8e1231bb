-- The year from which a unit is assessed ("Dinilai mulai tahun"), for a unit formed later (BRIDA, 2023): it is not
-- one of the units of an older period. NULL: assessed in every period. See src/db/period-units.ts.

ALTER TABLE units ADD COLUMN assessed_from INTEGER;
