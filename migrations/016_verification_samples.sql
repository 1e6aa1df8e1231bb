-- The reply sample a verifikator draws for an indicator judged on one (D3 in instrument revision 2): up to the
-- indicator's maxReports finished reports by SP4N-LAPOR! tracking ID, each with the checklist items its reply meets.
-- Saved by the same request and transaction as the decisions; meeting_all / report_count is the share shown with
-- the decision.
CREATE TABLE verification_samples (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  indicator_code TEXT NOT NULL,
  -- JSON: [{"trackingId": "...", "checks": ["pokok-masalah", ...]}] in the order drawn
  reports TEXT NOT NULL,
  report_count INTEGER NOT NULL,
  meeting_all INTEGER NOT NULL CHECK (meeting_all BETWEEN 0 AND report_count),
  updated_by INTEGER REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, indicator_code)
);
