-- Mediation per unit and day: disputes received, closed (with agreement, and the days from receipt summed),
-- follow-ups falling due and those done by their due day, and links to criminal cases.
CREATE TABLE rollup_mediation_day (
  unit_id              UUID NOT NULL,
  day                  DATE NOT NULL,
  received             INTEGER NOT NULL,
  closed               INTEGER NOT NULL,
  agreements           INTEGER NOT NULL,
  follow_ups_due       INTEGER NOT NULL,
  followed_up_on_time  INTEGER NOT NULL,
  escalated            INTEGER NOT NULL,
  days_sum             BIGINT NOT NULL,
  PRIMARY KEY (unit_id, day)
);
