-- Segregation of duties on the monev: everyone who saved a report since its last review (a JSON array of user ids,
-- in the order they first saved), not only its last saver (reported_by). A reviewer whose id is in it may not accept
-- or return the report (monitoring-access.ts, isOwnReport); a review decision empties it, so the next round of filling
-- starts fresh. Reports saved before this migration count their last saver, the only one recorded.
ALTER TABLE monev_row_reports ADD COLUMN filled_by TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(filled_by) AND json_type(filled_by) = 'array');
ALTER TABLE monev_unit_reports ADD COLUMN filled_by TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(filled_by) AND json_type(filled_by) = 'array');
UPDATE monev_row_reports SET filled_by = json_array(reported_by) WHERE reported_by IS NOT NULL;
UPDATE monev_unit_reports SET filled_by = json_array(reported_by) WHERE reported_by IS NOT NULL;
