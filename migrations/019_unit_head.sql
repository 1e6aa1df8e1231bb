-- The head of each unit (Kepala Dinas, Camat, …) as the unit's own Renaksi names them: the position as printed when
-- it differs from "Kepala <unit>" / "Camat <kecamatan>", the name and the NIP. Blank until an admin fills them in.

ALTER TABLE units ADD COLUMN head_title TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN head_name TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN head_nip TEXT NOT NULL DEFAULT '';
