-- A link added from the questionnaire's browser queue carries a key made in the browser: a retry after a lost
-- response finds the row it already made instead of adding the same link twice. Rows from forms, imports and
-- earlier versions have none.
ALTER TABLE evidence ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX evidence_client_key ON evidence (client_key) WHERE client_key IS NOT NULL;
