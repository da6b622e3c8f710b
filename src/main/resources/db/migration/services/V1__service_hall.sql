-- The catalogue of services residents may apply for. An item is never deleted once used: applications keep
-- a copy of its names, limits and materials as they were when the application was made.
CREATE TABLE service_item (
  id              UUID PRIMARY KEY,
  code            VARCHAR(40) NOT NULL UNIQUE,
  category        VARCHAR(20) NOT NULL CHECK (category IN ('HOUSEHOLD', 'EXIT_ENTRY', 'TRAFFIC', 'PUBLIC_ORDER', 'OTHER')),
  name_zh         VARCHAR(100) NOT NULL,
  name_en         VARCHAR(200) NOT NULL,
  description_zh  VARCHAR(2000) NOT NULL,
  description_en  VARCHAR(4000) NOT NULL,
  statutory_days  SMALLINT NOT NULL CHECK (statutory_days BETWEEN 1 AND 365),
  committed_days  SMALLINT NOT NULL CHECK (committed_days BETWEEN 1 AND 365),
  fee             NUMERIC(14,2) NOT NULL CHECK (fee >= 0),
  handling_level  VARCHAR(16) NOT NULL,
  online          BOOLEAN NOT NULL,
  active          BOOLEAN NOT NULL,
  version         INTEGER NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  CHECK (committed_days <= statutory_days)
);

CREATE TABLE service_material (
  item_id   UUID NOT NULL REFERENCES service_item (id) ON DELETE CASCADE,
  code      VARCHAR(40) NOT NULL,
  name_zh   VARCHAR(100) NOT NULL,
  name_en   VARCHAR(200) NOT NULL,
  mandatory BOOLEAN NOT NULL,
  formats   VARCHAR(40) NOT NULL,
  position  SMALLINT NOT NULL,
  PRIMARY KEY (item_id, code)
);

-- Reference numbers read out on the phone: SQ-<year>-<number>, the number from one sequence.
CREATE SEQUENCE application_number_seq;

-- An application. Dates that count for deadlines are calendar dates in the bureau's zone.
--   received_on: the day the latest submission arrived (the implied-acceptance clock runs from it)
--   accepted_on: the day of acceptance (or of receipt, when acceptance was implied after 5 working days)
--   stopped_days: working days the clock stood still while the resident supplemented materials after acceptance
--   warn_on / due_on: the day 80 % of the committed time is reached, and the deadline
CREATE TABLE application (
  id               UUID PRIMARY KEY,
  reference        VARCHAR(20) NOT NULL UNIQUE,
  resident_id      UUID NOT NULL,
  item_id          UUID NOT NULL REFERENCES service_item (id),
  item_code        VARCHAR(40) NOT NULL,
  item_name_zh     VARCHAR(100) NOT NULL,
  item_name_en     VARCHAR(200) NOT NULL,
  committed_days   SMALLINT NOT NULL,
  statutory_days   SMALLINT NOT NULL,
  unit_id          UUID NOT NULL,
  status           VARCHAR(24) NOT NULL,
  note             VARCHAR(1000),
  delivery         VARCHAR(12) NOT NULL CHECK (delivery IN ('COLLECT', 'MAIL')),
  created_at       TIMESTAMPTZ NOT NULL,
  submitted_at     TIMESTAMPTZ,
  received_on      DATE,
  accepted_on      DATE,
  implied_acceptance BOOLEAN NOT NULL DEFAULT FALSE,
  stopped_on       DATE,
  stopped_days     SMALLINT NOT NULL DEFAULT 0,
  warn_on          DATE,
  due_on           DATE,
  warned_at        TIMESTAMPTZ,
  overdue_at       TIMESTAMPTZ,
  decided_on       DATE,
  decision_reason  VARCHAR(1000),
  closed_on        DATE,
  assignee_id      UUID,
  round            SMALLINT NOT NULL DEFAULT 1,
  version          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX application_resident_idx ON application (resident_id, created_at DESC);
CREATE INDEX application_unit_status_idx ON application (unit_id, status);
CREATE INDEX application_due_idx ON application (due_on) WHERE closed_on IS NULL;
CREATE INDEX application_closed_idx ON application (closed_on);

-- A repeated submission with the same key returns the application the first one made. The key is claimed
-- before the application is written (hence the deferred reference), so a concurrent repeat waits for the first.
CREATE TABLE application_submission (
  resident_id     UUID NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  application_id  UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (resident_id, idempotency_key)
);

-- The materials the item asked for when the application was made.
CREATE TABLE application_requirement (
  application_id UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  code       VARCHAR(40) NOT NULL,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(200) NOT NULL,
  mandatory  BOOLEAN NOT NULL,
  formats    VARCHAR(40) NOT NULL,
  position   SMALLINT NOT NULL,
  PRIMARY KEY (application_id, code)
);

-- Files the resident provided; content checked by its bytes, kept with its SHA-256. A file of an earlier round
-- stays as it was sent.
CREATE TABLE application_material (
  id               UUID PRIMARY KEY,
  application_id   UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  requirement_code VARCHAR(40) NOT NULL,
  file_name        VARCHAR(200) NOT NULL,
  content_type     VARCHAR(40) NOT NULL,
  size_bytes       INTEGER NOT NULL,
  sha256           CHAR(64) NOT NULL,
  content          BYTEA NOT NULL,
  round            SMALLINT NOT NULL,
  uploaded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_material_app_idx ON application_material (application_id, uploaded_at);

-- The timeline: every step, with its date, shown to the resident and in the public lookup.
CREATE TABLE application_step (
  id             UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  step           VARCHAR(30) NOT NULL,
  at             TIMESTAMPTZ NOT NULL,
  on_date        DATE NOT NULL,
  actor_kind     VARCHAR(12) NOT NULL,
  actor_id       VARCHAR(64),
  note           VARCHAR(1000)
);
CREATE INDEX application_step_app_idx ON application_step (application_id, at);

-- One complete notice of what is missing or wrong (一次性告知): every item at once.
CREATE TABLE application_notice (
  id             UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  round          SMALLINT NOT NULL,
  issued_at      TIMESTAMPTZ NOT NULL,
  issued_by      UUID NOT NULL,
  remarks        VARCHAR(1000),
  UNIQUE (application_id, round)
);
CREATE TABLE application_notice_item (
  notice_id        UUID NOT NULL REFERENCES application_notice (id) ON DELETE CASCADE,
  position         SMALLINT NOT NULL,
  requirement_code VARCHAR(40),
  problem          VARCHAR(16) NOT NULL CHECK (problem IN ('MISSING', 'INCORRECT')),
  note             VARCHAR(500),
  PRIMARY KEY (notice_id, position)
);

-- Ratings (好差评): one after closing, and one more after a rectification answer.
CREATE TABLE application_rating (
  id             UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  round          SMALLINT NOT NULL CHECK (round IN (1, 2)),
  level          SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment        VARCHAR(500),
  rated_at       TIMESTAMPTZ NOT NULL,
  unit_id        UUID NOT NULL,
  UNIQUE (application_id, round)
);
CREATE INDEX application_rating_rated_idx ON application_rating (rated_at);

-- A poor rating opens a rectification task for the station chief.
CREATE TABLE rectification (
  id             UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  rating_id      UUID NOT NULL UNIQUE REFERENCES application_rating (id) ON DELETE CASCADE,
  unit_id        UUID NOT NULL,
  opened_on      DATE NOT NULL,
  due_on         DATE NOT NULL,
  called_back_on DATE,
  callback_note  VARCHAR(1000),
  action_taken   VARCHAR(1000),
  done_on        DATE,
  done_by        UUID
);
CREATE INDEX rectification_unit_idx ON rectification (unit_id, done_on);
