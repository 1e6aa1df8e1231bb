-- What the narrative document (renaksi.docx) of a final plan prints beside its rows and units (issue 13/14
-- follow-up), stored with each version when it is finalised, so answering or verifying the kabupaten checklist, or
-- changing the document settings, after signing changes no signed document:
-- kabupaten_json: the kabupaten conditions as they stood ({"conditions": [...]}, or {"conditions": null} when the
--   period's instrument has no checklist): code, title, answer, state and verification status with their words
--   (Tabel 2.4 and its summary line in BAB II).
-- settings_json: the document settings then (region, place, date, office, signer, NIP, paper, decree number and date):
--   the narrative's cover, signature block and paper.
-- Versions finalised before this migration keep NULL: for them the narrative falls back to the current answers and
-- settings (the only data there is), as it did before.
ALTER TABLE renaksi_versions ADD COLUMN kabupaten_json TEXT;
ALTER TABLE renaksi_versions ADD COLUMN settings_json TEXT;
