-- Community policing (社区警务): service visits to residents who cannot come, publicity events, household-visit
-- campaigns with the issues they find. Calendar dates are in the bureau's zone.

-- Reference numbers read out on the phone: FW- (service visit), XC- (publicity), ZF- (campaign), each from a sequence.
CREATE SEQUENCE outreach_visit_number_seq;
CREATE SEQUENCE outreach_publicity_number_seq;
CREATE SEQUENCE outreach_campaign_number_seq;

-- A service visit (送服务上门) to a resident of the residents module, referenced by identifier only. Consent is
-- recorded as given or not, how, and on which day; services is a comma-separated list of what was done.
CREATE TABLE outreach_service_visit (
  id              UUID PRIMARY KEY,
  reference       VARCHAR(20) NOT NULL UNIQUE,
  unit_id         UUID NOT NULL,
  resident_id     UUID NOT NULL,
  reason          VARCHAR(12) NOT NULL CHECK (reason IN ('ELDERLY', 'DISABLED', 'ILL', 'OTHER')),
  consent         BOOLEAN NOT NULL,
  consent_how     VARCHAR(12) CHECK (consent_how IN ('SIGNED', 'VERBAL', 'GUARDIAN')),
  consent_on      DATE,
  services        VARCHAR(200) NOT NULL,
  note            VARCHAR(1000),
  place           VARCHAR(200) NOT NULL,
  visited_on      DATE NOT NULL,
  officer_id      UUID NOT NULL,
  application_ref VARCHAR(20),
  created_at      TIMESTAMPTZ NOT NULL,
  CHECK (consent = (consent_how IS NOT NULL)),
  CHECK (consent = (consent_on IS NOT NULL))
);
CREATE INDEX outreach_service_visit_unit_idx ON outreach_service_visit (unit_id, visited_on);
CREATE INDEX outreach_service_visit_resident_idx ON outreach_service_visit (resident_id, visited_on);

-- A recurring visit: the resident is visited every N weeks by the unit; the next visit falls due on next_due_on.
CREATE TABLE outreach_visit_plan (
  id           UUID PRIMARY KEY,
  unit_id      UUID NOT NULL,
  resident_id  UUID NOT NULL,
  every_weeks  SMALLINT NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
  next_due_on  DATE NOT NULL,
  last_visit   UUID REFERENCES outreach_service_visit (id),
  active       BOOLEAN NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  UNIQUE (unit_id, resident_id)
);
CREATE INDEX outreach_visit_plan_due_idx ON outreach_visit_plan (unit_id, next_due_on) WHERE active;

-- A publicity event (宣传): topic, place, day, how many attended, materials handed out, partner organisations.
CREATE TABLE outreach_publicity_event (
  id              UUID PRIMARY KEY,
  reference       VARCHAR(20) NOT NULL UNIQUE,
  unit_id         UUID NOT NULL,
  topic           VARCHAR(20) NOT NULL CHECK (topic IN ('ANTI_FRAUD', 'TRAFFIC_SAFETY', 'DRUG_PREVENTION', 'OTHER')),
  title           VARCHAR(100) NOT NULL,
  place           VARCHAR(200) NOT NULL,
  held_on         DATE NOT NULL,
  attendance      INTEGER NOT NULL CHECK (attendance BETWEEN 0 AND 1000000),
  materials_count INTEGER NOT NULL CHECK (materials_count BETWEEN 0 AND 1000000),
  materials       VARCHAR(500),
  partners        VARCHAR(500),
  officer_id      UUID NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX outreach_publicity_unit_idx ON outreach_publicity_event (unit_id, held_on);

-- A household-visit campaign (走访) of a unit: a target number of households between two days.
CREATE TABLE outreach_campaign (
  id          UUID PRIMARY KEY,
  reference   VARCHAR(20) NOT NULL UNIQUE,
  unit_id     UUID NOT NULL,
  name        VARCHAR(100) NOT NULL,
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  target      INTEGER NOT NULL CHECK (target BETWEEN 1 AND 1000000),
  created_at  TIMESTAMPTZ NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX outreach_campaign_unit_idx ON outreach_campaign (unit_id, starts_on, ends_on);

-- A household visited in a campaign: an address and the day, never the people who live there.
CREATE TABLE outreach_household_visit (
  id          UUID PRIMARY KEY,
  campaign_id UUID NOT NULL REFERENCES outreach_campaign (id),
  unit_id     UUID NOT NULL,
  address     VARCHAR(200) NOT NULL,
  visited_on  DATE NOT NULL,
  officer_id  UUID NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX outreach_household_unit_idx ON outreach_household_visit (unit_id, visited_on);
CREATE INDEX outreach_household_campaign_idx ON outreach_household_visit (campaign_id);

-- An issue found at a household: open, referred to mediation or to the service hall, or resolved.
CREATE TABLE outreach_issue (
  id                 UUID PRIMARY KEY,
  household_visit_id UUID NOT NULL REFERENCES outreach_household_visit (id),
  unit_id            UUID NOT NULL,
  kind               VARCHAR(16) NOT NULL CHECK (kind IN ('DISPUTE', 'SERVICE_NEED', 'SAFETY_HAZARD', 'OTHER')),
  description        VARCHAR(500) NOT NULL,
  raised_on          DATE NOT NULL,
  status             VARCHAR(20) NOT NULL CHECK (status IN ('OPEN', 'REFERRED_MEDIATION', 'REFERRED_SERVICE', 'RESOLVED')),
  referred_on        DATE,
  referred_ref       VARCHAR(40),
  resolved_on        DATE,
  resolution         VARCHAR(500),
  position           SMALLINT NOT NULL,
  CHECK ((status = 'RESOLVED') = (resolved_on IS NOT NULL))
);
CREATE INDEX outreach_issue_visit_idx ON outreach_issue (household_visit_id, position);
CREATE INDEX outreach_issue_unit_idx ON outreach_issue (unit_id, status);
CREATE INDEX outreach_issue_resolved_idx ON outreach_issue (unit_id, resolved_on);

-- Records made with an idempotency key (offline capture, API clients): the key is claimed first, per staff
-- account, so a repeat waits for the first request and then finds the record it made.
CREATE TABLE outreach_submission (
  account_id      UUID NOT NULL,
  idempotency_key VARCHAR(100) NOT NULL,
  kind            VARCHAR(20) NOT NULL,
  record_id       UUID NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
