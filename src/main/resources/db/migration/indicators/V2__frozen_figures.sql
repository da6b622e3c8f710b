-- Frozen figure sets: a published set of figures (for example the 2024 annual report) kept exactly as it was
-- published, with the unit, periods and comparison it was computed for, so that later edits to the records
-- never change it. Units and staff are referenced by identifier only (other modules' tables, no foreign keys).
-- Nothing here is ever updated or deleted: a set is withdrawn by adding a withdrawal, and stays listed.

CREATE TABLE frozen_figure_set (
  id               UUID PRIMARY KEY,
  title            VARCHAR(200) NOT NULL CHECK (length(btrim(title)) > 0),
  unit_id          UUID NOT NULL,
  unit_code        VARCHAR(32) NOT NULL,
  period_from      DATE NOT NULL,
  period_to        DATE NOT NULL,
  comparison_kind  VARCHAR(20) NOT NULL,
  comparison_from  DATE NOT NULL,
  comparison_to    DATE NOT NULL,
  frozen_at        TIMESTAMPTZ NOT NULL,
  frozen_by        UUID NOT NULL,
  frozen_by_name   VARCHAR(100) NOT NULL,
  note             VARCHAR(1000),
  CHECK (period_to >= period_from),
  CHECK (comparison_to >= comparison_from)
);
-- The dashboard asks for the sets of exactly the unit, period and comparison it shows.
CREATE INDEX frozen_figure_set_period_idx ON frozen_figure_set (unit_code, period_from, period_to, comparison_kind);
CREATE INDEX frozen_figure_set_unit_idx ON frozen_figure_set (unit_id, frozen_at DESC);

-- Every indicator of a set, with the exact rounded numbers as published. Unconstrained NUMERIC keeps each
-- number's scale as it was published (a count 412, a rate 33.77); NULL where the figure had none.
CREATE TABLE frozen_figure (
  set_id                   UUID NOT NULL REFERENCES frozen_figure_set (id),
  position                 SMALLINT NOT NULL,
  indicator                VARCHAR(60) NOT NULL,
  value                    NUMERIC,
  comparison_value         NUMERIC,
  relative_change_percent  NUMERIC,
  percentage_point_change  NUMERIC,
  PRIMARY KEY (set_id, indicator),
  UNIQUE (set_id, position)
);

-- A set taken back, with who, when and why; at most one per set.
CREATE TABLE frozen_figure_set_withdrawal (
  set_id             UUID PRIMARY KEY REFERENCES frozen_figure_set (id),
  withdrawn_at       TIMESTAMPTZ NOT NULL,
  withdrawn_by       UUID NOT NULL,
  withdrawn_by_name  VARCHAR(100) NOT NULL,
  reason             VARCHAR(1000) NOT NULL CHECK (length(btrim(reason)) > 0)
);

-- Append-only: no role may change or remove a frozen set, its figures or its withdrawal.
CREATE FUNCTION frozen_figures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER frozen_figure_set_no_update_or_delete BEFORE UPDATE OR DELETE ON frozen_figure_set
  FOR EACH ROW EXECUTE FUNCTION frozen_figures_append_only();
CREATE TRIGGER frozen_figure_set_no_truncate BEFORE TRUNCATE ON frozen_figure_set
  FOR EACH STATEMENT EXECUTE FUNCTION frozen_figures_append_only();
CREATE TRIGGER frozen_figure_no_update_or_delete BEFORE UPDATE OR DELETE ON frozen_figure
  FOR EACH ROW EXECUTE FUNCTION frozen_figures_append_only();
CREATE TRIGGER frozen_figure_no_truncate BEFORE TRUNCATE ON frozen_figure
  FOR EACH STATEMENT EXECUTE FUNCTION frozen_figures_append_only();
CREATE TRIGGER frozen_figure_set_withdrawal_no_update_or_delete BEFORE UPDATE OR DELETE ON frozen_figure_set_withdrawal
  FOR EACH ROW EXECUTE FUNCTION frozen_figures_append_only();
CREATE TRIGGER frozen_figure_set_withdrawal_no_truncate BEFORE TRUNCATE ON frozen_figure_set_withdrawal
  FOR EACH STATEMENT EXECUTE FUNCTION frozen_figures_append_only();

-- The application's role may add and read, never change or remove (the default privileges of the root
-- migration would otherwise grant UPDATE and DELETE).
REVOKE UPDATE, DELETE, TRUNCATE ON frozen_figure_set, frozen_figure, frozen_figure_set_withdrawal FROM "${appRole}";
GRANT SELECT, INSERT ON frozen_figure_set, frozen_figure, frozen_figure_set_withdrawal TO "${appRole}";
