-- Road accidents per unit and the day they happened (bureau's zone): accidents, fatal ones, deaths, injuries
-- (serious and minor), relatively serious or worse, and direct loss in yuan; merged duplicates not counted.
CREATE TABLE rollup_traffic_day (
  unit_id          UUID NOT NULL,
  day              DATE NOT NULL,
  accidents        INTEGER NOT NULL,
  fatal_accidents  INTEGER NOT NULL,
  deaths           INTEGER NOT NULL,
  injuries         INTEGER NOT NULL,
  major_accidents  INTEGER NOT NULL,
  direct_loss      NUMERIC(18,2) NOT NULL,
  PRIMARY KEY (unit_id, day)
);
