-- What the documents derived from a final plan need beside its rows (issue 14 follow-up): every active unit of the
-- period as the plan counted it when it was finalised (name, group, submitted or not, its verified level per
-- indicator) and the team's notes per unit, as JSON ({"units": [...], "notes": [...]}). Lampiran II, each unit's own
-- Renaksi (.docx), monitoring and progress read these instead of the current levels, so a verification changed after
-- signing does not change what was signed.
-- Versions finalised before this migration keep NULL: for them the documents fall back to the current levels (the
-- only data there is), as they did before.
ALTER TABLE renaksi_versions ADD COLUMN units_json TEXT;
