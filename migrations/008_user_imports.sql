-- Staged user-list uploads waiting on their preview page, shaped like unit_imports (one staged-imports repository
-- serves both): the file's rows as parsed JSON under a random token owned by the uploading admin. The rows hold
-- user names, full names, roles and unit codes only; set-password links are never stored in clear.
CREATE TABLE user_imports (
  token TEXT PRIMARY KEY,
  created_by INTEGER NOT NULL REFERENCES users (id),
  file_name TEXT NOT NULL,
  rows TEXT NOT NULL,
  created_at TEXT NOT NULL,
  applied_at TEXT
);
