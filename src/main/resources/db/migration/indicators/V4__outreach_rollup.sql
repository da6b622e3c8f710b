-- Community policing per unit and day: service visits, publicity events and their attendance, households visited
-- and issues resolved. Distinct residents served and the campaigns' targets do not add up over days and are read
-- from the records.
CREATE TABLE rollup_outreach_day (
  unit_id             UUID NOT NULL,
  day                 DATE NOT NULL,
  service_visits      INTEGER NOT NULL,
  publicity_events    INTEGER NOT NULL,
  attendance          BIGINT NOT NULL,
  households_visited  INTEGER NOT NULL,
  issues_resolved     INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day)
);
