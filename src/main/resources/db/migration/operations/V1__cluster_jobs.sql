-- Scheduled jobs that must run once per cluster, not once per node. A node claims a job by moving
-- locked_until forward, which succeeds only when the previous claim has run out; a claim is never released
-- early, so a job runs at most once per interval however many nodes tick. A crashed node's claim simply
-- expires. Times are the database's (now()), so nodes with skewed clocks agree.
CREATE TABLE cluster_job (
  name             TEXT PRIMARY KEY,
  locked_until     TIMESTAMPTZ NOT NULL,
  locked_by        TEXT,
  last_started_at  TIMESTAMPTZ,
  last_finished_at TIMESTAMPTZ
);
GRANT SELECT, INSERT, UPDATE ON cluster_job TO "${appRole}";
