-- Frozen FGD presentations: the computed numbers of a period at one moment, so a snapshot URL shows the same
-- numbers forever while units keep submitting. `data` is the PresentationData JSON (src/dashboard/presentation.ts).

CREATE TABLE presentation_snapshots (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES periods (id),
  basis TEXT NOT NULL CHECK (basis IN ('self', 'verified')),
  data TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX presentation_snapshots_period ON presentation_snapshots (period_id, created_at);
