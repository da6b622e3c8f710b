-- The working-day calendar: only days that differ from the plain Monday–Friday rule (holidays, adjusted working
-- days), from the official schedules or entered by an administrator. schedule_year is the year whose schedule the
-- day belongs to (the 2019 schedule lists 30 December 2018): the calendar knows exactly the years named there.
CREATE TABLE calendar_day (
  date        DATE PRIMARY KEY,
  working     BOOLEAN NOT NULL,
  name_zh     VARCHAR(50) NOT NULL,
  name_en     VARCHAR(100),
  source      VARCHAR(16) NOT NULL CHECK (source IN ('official', 'administrator')),
  schedule_year SMALLINT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX calendar_day_schedule_year_idx ON calendar_day (schedule_year);
