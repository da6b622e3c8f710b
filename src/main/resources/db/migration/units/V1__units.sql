-- The organisation: a tree of units of any depth (bureau → sub-bureau → station → post).
CREATE TABLE unit (
  id          UUID PRIMARY KEY,
  code        VARCHAR(32) NOT NULL UNIQUE,
  name_zh     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(150) NOT NULL,
  level       VARCHAR(16) NOT NULL CHECK (level IN ('BUREAU', 'SUB_BUREAU', 'STATION', 'POST')),
  parent_id   UUID REFERENCES unit (id),
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX unit_parent_idx ON unit (parent_id);
