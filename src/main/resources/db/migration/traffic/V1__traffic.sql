-- Road-traffic accidents (道路交通事故). Privacy by design: people appear only as counts (deaths, injuries);
-- no names, plates, identity numbers or driving records are kept. occurred_on is the day of occurred_at in the
-- bureau's zone, written by the application (which knows the zone), so that every figure counts by the same day.
-- grade is derived from deaths, serious injuries and direct loss on every write, never typed.
CREATE TABLE accident (
  id                   UUID PRIMARY KEY,
  accident_number      VARCHAR(40) NOT NULL UNIQUE,
  unit_id              UUID NOT NULL,
  occurred_at          TIMESTAMPTZ NOT NULL,
  occurred_on          DATE NOT NULL,
  road                 VARCHAR(100),
  km_marker            NUMERIC(9,3) CHECK (km_marker >= 0),
  latitude             NUMERIC(9,6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude            NUMERIC(9,6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  accident_type        VARCHAR(20) CHECK (accident_type IN ('VEHICLE_COLLISION', 'PEDESTRIAN', 'SINGLE_VEHICLE', 'OTHER')),
  deaths               INTEGER NOT NULL CHECK (deaths >= 0),
  deaths_within_7_days INTEGER NOT NULL CHECK (deaths_within_7_days >= 0),
  serious_injuries     INTEGER NOT NULL CHECK (serious_injuries >= 0),
  minor_injuries       INTEGER NOT NULL CHECK (minor_injuries >= 0),
  direct_loss          NUMERIC(16,2) NOT NULL CHECK (direct_loss >= 0),
  causes               VARCHAR(30)[] NOT NULL DEFAULT '{}',
  weather              VARCHAR(12),
  light                VARCHAR(20),
  road_surface         VARCHAR(12),
  grade                VARCHAR(24) NOT NULL
                       CHECK (grade IN ('PARTICULARLY_SERIOUS', 'SERIOUS', 'RELATIVELY_SERIOUS', 'ORDINARY')),
  duplicate_status     VARCHAR(10) CHECK (duplicate_status IN ('FLAGGED', 'MERGED', 'DISMISSED')),
  duplicate_of         UUID REFERENCES accident (id),
  reviewed_at          TIMESTAMPTZ,
  reviewed_by          VARCHAR(100),
  source               VARCHAR(8) NOT NULL CHECK (source IN ('DESK', 'IMPORT', 'DEMO')),
  created_at           TIMESTAMPTZ NOT NULL,
  updated_at           TIMESTAMPTZ NOT NULL,
  version              INTEGER NOT NULL DEFAULT 0,
  CHECK (duplicate_status <> 'MERGED' OR duplicate_of IS NOT NULL)
);
CREATE INDEX accident_unit_day ON accident (unit_id, occurred_on);
CREATE INDEX accident_occurred_at ON accident (occurred_at);
CREATE INDEX accident_flagged ON accident (duplicate_status) WHERE duplicate_status = 'FLAGGED';

-- Numbers of accidents recorded at the desk: JT-<year>-<running number>.
CREATE SEQUENCE accident_number_seq;

-- Vehicles involved, by type, as counts.
CREATE TABLE accident_vehicle (
  accident_id  UUID NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
  vehicle_type VARCHAR(20) NOT NULL,
  vehicles     INTEGER NOT NULL CHECK (vehicles > 0),
  PRIMARY KEY (accident_id, vehicle_type)
);

-- Each update of the deaths (up to 30 days after the accident), with the day it was made.
CREATE TABLE accident_deaths_update (
  id           UUID PRIMARY KEY,
  accident_id  UUID NOT NULL REFERENCES accident (id) ON DELETE CASCADE,
  updated_on   DATE NOT NULL,
  deaths_before INTEGER NOT NULL,
  deaths       INTEGER NOT NULL CHECK (deaths >= 0),
  recorded_at  TIMESTAMPTZ NOT NULL,
  recorded_by  VARCHAR(100)
);
CREATE INDEX accident_deaths_update_accident ON accident_deaths_update (accident_id);

-- Imports of accident files: who, when, how it ended.
CREATE TABLE accident_import (
  id          UUID PRIMARY KEY,
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  account_id  UUID,
  outcome     VARCHAR(10) NOT NULL CHECK (outcome IN ('RUNNING', 'DONE', 'REJECTED', 'FAILED')),
  imported    INTEGER,
  updated     INTEGER,
  error_lines INTEGER
);

-- Great-circle distance in metres on the mean Earth sphere (haversine), as BlackSpots computes it in Java.
CREATE FUNCTION traffic_distance_m(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION, lat2 DOUBLE PRECISION,
    lon2 DOUBLE PRECISION) RETURNS DOUBLE PRECISION LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2)
    + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
