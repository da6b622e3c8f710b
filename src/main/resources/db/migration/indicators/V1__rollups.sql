-- Per-day, per-unit rollups the indicators are answered from. Kept current by the events of the cases and the
-- service hall (a changed record's unit and days are recomputed from the records), rebuilt from the records by the
-- command "rollups rebuild". They hold counts and sums only, never a person.

CREATE TABLE rollup_case_day (
  unit_id            UUID NOT NULL,
  day                DATE NOT NULL,
  registered         INTEGER NOT NULL,
  cleared            INTEGER NOT NULL,
  fraud_registered   INTEGER NOT NULL,
  fraud_cleared      INTEGER NOT NULL,
  fraud_apprehended  BIGINT NOT NULL,
  fraud_stop_paid    NUMERIC(18,2) NOT NULL,
  fraud_frozen       NUMERIC(18,2) NOT NULL,
  fraud_returned     NUMERIC(18,2) NOT NULL,
  fraud_loss         NUMERIC(18,2) NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- Homicide cases by the day they happened and the day they were cleared (null: not yet), because the clearance
-- rate of the period's homicides counts those cleared by the end of the period.
CREATE TABLE rollup_homicide (
  unit_id      UUID NOT NULL,
  occurred_on  DATE NOT NULL,
  cleared_on   DATE,
  cases        INTEGER NOT NULL,
  UNIQUE NULLS NOT DISTINCT (unit_id, occurred_on, cleared_on)
);

CREATE TABLE rollup_service_day (
  unit_id               UUID NOT NULL,
  day                   DATE NOT NULL,
  closed                INTEGER NOT NULL,
  closed_on_time        INTEGER NOT NULL,
  decided               INTEGER NOT NULL,
  decided_working_days  BIGINT NOT NULL,
  ratings               INTEGER NOT NULL,
  satisfied_ratings     INTEGER NOT NULL,
  poor_ratings          INTEGER NOT NULL,
  poor_rectified        INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- When each rollup was last rebuilt from the records in full.
CREATE TABLE rollup_rebuild (
  rollup      VARCHAR(20) PRIMARY KEY,
  rebuilt_at  TIMESTAMPTZ NOT NULL,
  rows_written BIGINT NOT NULL
);
