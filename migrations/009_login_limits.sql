-- Login limits move to rate-limiter-flexible's SQLite store (its table layout: key, points, expire in epoch ms).
-- The old per-name and per-address failure counters go: they let anyone lock any account from anywhere.

DROP TABLE login_failures;

CREATE TABLE login_limits (
  key TEXT PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire INTEGER
);
CREATE INDEX login_limits_expire ON login_limits (expire);
