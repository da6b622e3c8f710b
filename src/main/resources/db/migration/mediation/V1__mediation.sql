-- Dispute mediation (矛盾纠纷化解): disputes from every channel, their parties (names and contacts sealed, with a
-- masked form for lists and pages), the mediators of each unit, sessions, the outcome, agreements with their
-- terms and follow-up visits (回访), and links to criminal cases when a dispute turns criminal (民转刑).
-- No profiling: parties are a name, a contact and their role in the dispute, nothing more.

CREATE SEQUENCE mediation_number_seq;

-- People who mediate for a unit: police officers (with a staff account), people's mediators, judicial-office
-- staff and lawyers (named only; they do not use the system).
CREATE TABLE mediation_mediator (
  id            UUID PRIMARY KEY,
  unit_id       UUID NOT NULL,
  kind          VARCHAR(20) NOT NULL CHECK (kind IN ('POLICE', 'PEOPLES_MEDIATOR', 'JUDICIAL_OFFICE', 'LAWYER')),
  name          VARCHAR(50) NOT NULL,
  organisation  VARCHAR(100),
  account_id    UUID,
  active        BOOLEAN NOT NULL DEFAULT TRUE,
  created_at    TIMESTAMPTZ NOT NULL,
  deactivated_at TIMESTAMPTZ
);
CREATE INDEX mediation_mediator_unit ON mediation_mediator (unit_id, active);
CREATE UNIQUE INDEX mediation_mediator_account ON mediation_mediator (unit_id, account_id) WHERE account_id IS NOT NULL;

-- A dispute. due_on: 30 days from receipt (or from reopening); warn_on: at 80 % of that time.
CREATE TABLE mediation_dispute (
  id              UUID PRIMARY KEY,
  reference       VARCHAR(20) NOT NULL UNIQUE,
  unit_id         UUID NOT NULL,
  channel         VARCHAR(20) NOT NULL CHECK (channel IN ('WALK_IN', 'CALL_110', 'HOUSEHOLD_VISIT', 'ONLINE', 'UNIT_REFERRAL')),
  referring_unit_id UUID,
  resident_id     UUID,
  category        VARCHAR(30) NOT NULL CHECK (category IN ('MARRIAGE_FAMILY', 'NEIGHBOURS', 'HOUSING_LAND',
                    'LABOUR_WAGES', 'CONTRACTS_DEBTS', 'CONSUMER', 'PROPERTY_MANAGEMENT', 'TRAFFIC_COMPENSATION', 'OTHER')),
  account         VARCHAR(2000) NOT NULL,
  risk            VARCHAR(10) NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH')),
  risk_reason     VARCHAR(500),
  status          VARCHAR(20) NOT NULL CHECK (status IN ('IN_MEDIATION', 'CLOSED')),
  outcome         VARCHAR(20) CHECK (outcome IN ('AGREEMENT', 'NO_AGREEMENT', 'WITHDRAWN')),
  referral        VARCHAR(20) CHECK (referral IN ('COURT', 'ARBITRATION', 'JUDICIAL_OFFICE', 'LABOUR_INSPECTION')),
  outcome_note    VARCHAR(1000),
  received_on     DATE NOT NULL,
  warn_on         DATE NOT NULL,
  due_on          DATE NOT NULL,
  closed_on       DATE,
  reopened        INT NOT NULL DEFAULT 0,
  source          VARCHAR(10) NOT NULL DEFAULT 'DESK',
  created_by      UUID,
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  version         INT NOT NULL DEFAULT 0,
  CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL AND outcome IS NOT NULL))
);
CREATE INDEX mediation_dispute_unit_status ON mediation_dispute (unit_id, status, due_on);
CREATE INDEX mediation_dispute_received ON mediation_dispute (unit_id, received_on);
CREATE INDEX mediation_dispute_closed ON mediation_dispute (unit_id, closed_on);
CREATE INDEX mediation_dispute_resident ON mediation_dispute (resident_id) WHERE resident_id IS NOT NULL;

-- A party to a dispute: name and contact sealed (field names mediation.party_name, mediation.party_contact).
CREATE TABLE mediation_party (
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  position        SMALLINT NOT NULL,
  role            VARCHAR(20) NOT NULL CHECK (role IN ('APPLICANT', 'RESPONDENT', 'INTERESTED')),
  name_sealed     BYTEA NOT NULL,
  name_masked     VARCHAR(60) NOT NULL,
  contact_sealed  BYTEA,
  contact_masked  VARCHAR(60),
  PRIMARY KEY (dispute_id, position)
);

CREATE TABLE mediation_dispute_mediator (
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  mediator_id     UUID NOT NULL REFERENCES mediation_mediator (id),
  added_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (dispute_id, mediator_id)
);

CREATE TABLE mediation_session (
  id              UUID PRIMARY KEY,
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  held_on         DATE NOT NULL,
  attended        VARCHAR(500) NOT NULL,
  mediator_ids    UUID[] NOT NULL DEFAULT '{}',
  notes           VARCHAR(4000) NOT NULL,
  recorded_by     UUID,
  recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX mediation_session_dispute ON mediation_session (dispute_id, held_on);

-- An agreement reached, and its follow-up visit: due follow_up_due, done followed_up_on, carried out or not, and
-- what was done when it was not (the dispute reopened, or referred).
CREATE TABLE mediation_agreement (
  id              UUID PRIMARY KEY,
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  unit_id         UUID NOT NULL,
  agreed_on       DATE NOT NULL,
  follow_up_due   DATE NOT NULL,
  followed_up_on  DATE,
  carried_out     BOOLEAN,
  follow_up_note  VARCHAR(1000),
  follow_up_action VARCHAR(20) CHECK (follow_up_action IN ('NONE', 'REOPENED', 'REFERRED')),
  follow_up_referral VARCHAR(20) CHECK (follow_up_referral IN ('COURT', 'ARBITRATION', 'JUDICIAL_OFFICE', 'LABOUR_INSPECTION')),
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX mediation_agreement_dispute ON mediation_agreement (dispute_id, agreed_on);
CREATE INDEX mediation_agreement_due ON mediation_agreement (unit_id, follow_up_due);

-- Who does what by when.
CREATE TABLE mediation_term (
  agreement_id    UUID NOT NULL REFERENCES mediation_agreement (id),
  position        SMALLINT NOT NULL,
  party           VARCHAR(100) NOT NULL,
  obligation      VARCHAR(1000) NOT NULL,
  due_by          DATE,
  PRIMARY KEY (agreement_id, position)
);

-- A dispute that turned into a criminal case (民转刑), by the case's number, counted on the day it was linked.
CREATE TABLE mediation_case_link (
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  case_number     VARCHAR(30) NOT NULL,
  unit_id         UUID NOT NULL,
  linked_on       DATE NOT NULL,
  linked_by       UUID,
  linked_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (dispute_id, case_number)
);
CREATE INDEX mediation_case_link_unit ON mediation_case_link (unit_id, linked_on);

-- What happened to a dispute, step by step, for its page and the resident's timeline.
CREATE TABLE mediation_step (
  dispute_id      UUID NOT NULL REFERENCES mediation_dispute (id),
  seq             SERIAL,
  step            VARCHAR(30) NOT NULL,
  on_date         DATE NOT NULL,
  at              TIMESTAMPTZ NOT NULL,
  actor           VARCHAR(60),
  note            VARCHAR(200),
  PRIMARY KEY (dispute_id, seq)
);
