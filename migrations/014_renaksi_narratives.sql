-- The Renaksi narrative document (.docx): the paragraphs the team changed from the defaults the application writes,
-- one row per plan and section (latarBelakang, dasarHukum, …). A section without a row follows the default text.
CREATE TABLE renaksi_narratives (
  plan_id INTEGER NOT NULL REFERENCES renaksi_plans (id),
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id),
  PRIMARY KEY (plan_id, section)
);
