-- Reports (警情/报案) from every channel, cases (案件) and what happens to them. Privacy by design: apprehensions
-- are a date and a number of people; no suspect identities, profiles, ethnicity, religion or movements are kept.

-- The taxonomy. Codes never change; a case counts under a code when its category is that code or below it.
CREATE TABLE case_category (
  code        VARCHAR(40) PRIMARY KEY,
  parent_code VARCHAR(40) REFERENCES case_category (code),
  name_zh     VARCHAR(50) NOT NULL,
  name_en     VARCHAR(100) NOT NULL,
  position    SMALLINT NOT NULL
);
INSERT INTO case_category (code, parent_code, name_zh, name_en, position) VALUES
  ('HOMICIDE', NULL, '命案', 'Homicide', 10),
  ('INTENTIONAL_HOMICIDE', 'HOMICIDE', '故意杀人', 'Intentional homicide', 11),
  ('INJURY_CAUSING_DEATH', 'HOMICIDE', '故意伤害致死', 'Intentional injury causing death', 12),
  ('EXPLOSION_CAUSING_DEATH', 'HOMICIDE', '爆炸致人死亡', 'Explosion causing death', 13),
  ('POISONING_CAUSING_DEATH', 'HOMICIDE', '投放危险物质致人死亡', 'Poisoning causing death', 14),
  ('ARSON_CAUSING_DEATH', 'HOMICIDE', '放火致人死亡', 'Arson causing death', 15),
  ('ROBBERY_CAUSING_DEATH', 'HOMICIDE', '抢劫致人死亡', 'Robbery causing death', 16),
  ('RAPE_CAUSING_DEATH', 'HOMICIDE', '强奸致人死亡', 'Rape causing death', 17),
  ('KIDNAPPING_CAUSING_DEATH', 'HOMICIDE', '绑架致人死亡', 'Kidnapping causing death', 18),
  ('TELECOM_FRAUD', NULL, '电信网络诈骗', 'Telecom and online fraud', 20),
  ('FRAUD_IMPERSONATING_OFFICIALS', 'TELECOM_FRAUD', '冒充公检法', 'Impersonating officials', 21),
  ('FRAUD_INVESTMENT', 'TELECOM_FRAUD', '虚假投资理财', 'Fake investment', 22),
  ('FRAUD_ORDER_BRUSHING', 'TELECOM_FRAUD', '刷单返利', 'Order brushing (fake part-time jobs)', 23),
  ('FRAUD_ROMANCE', 'TELECOM_FRAUD', '网络交友婚恋', 'Romance scam', 24),
  ('FRAUD_LOAN', 'TELECOM_FRAUD', '虚假贷款', 'Fake loans', 25),
  ('FRAUD_FAKE_CUSTOMER_SERVICE', 'TELECOM_FRAUD', '冒充电商物流客服', 'Fake customer service', 26),
  ('FRAUD_OTHER', 'TELECOM_FRAUD', '其他电信网络诈骗', 'Other telecom and online fraud', 27),
  ('THEFT', NULL, '盗窃', 'Theft', 30),
  ('BURGLARY', NULL, '入室盗窃', 'Burglary', 31),
  ('ROBBERY', NULL, '抢劫', 'Robbery', 32),
  ('ASSAULT', NULL, '故意伤害', 'Assault', 33),
  ('DRUGS', NULL, '毒品犯罪', 'Drug offences', 34),
  ('OTHER_CRIMINAL', NULL, '其他刑事案件', 'Other criminal cases', 35);

CREATE SEQUENCE report_number_seq;
CREATE SEQUENCE case_number_seq;

-- A report from a resident online, a 110 call or a walk-in. Online reports name their resident; reports taken
-- by staff keep the reporter's name and sealed phone number. search_tokens: words and Chinese bigrams of the
-- text, for full-text search that does not depend on the database's locale.
CREATE TABLE report (
  id              UUID PRIMARY KEY,
  reference       VARCHAR(20) NOT NULL UNIQUE,
  channel         VARCHAR(12) NOT NULL CHECK (channel IN ('ONLINE', 'CALL_110', 'WALK_IN')),
  kind            VARCHAR(20) NOT NULL CHECK (kind IN ('TELECOM_FRAUD', 'THEFT', 'LOST_PROPERTY', 'OTHER')),
  unit_id         UUID NOT NULL,
  resident_id     UUID,
  reporter_name   VARCHAR(50),
  reporter_phone_sealed BYTEA,
  narrative       VARCHAR(5000) NOT NULL,
  occurred_at     TIMESTAMPTZ NOT NULL,
  place           VARCHAR(200) NOT NULL,
  loss            NUMERIC(14,2) CHECK (loss >= 0),
  payment_method  VARCHAR(20),
  status          VARCHAR(20) NOT NULL CHECK (status IN ('RECEIVED', 'CASE_REGISTERED', 'NON_CRIMINAL')),
  outcome_reason  VARCHAR(1000),
  case_id         UUID,
  created_at      TIMESTAMPTZ NOT NULL,
  triaged_at      TIMESTAMPTZ,
  triaged_by      UUID,
  search_tokens   TEXT[] NOT NULL DEFAULT '{}',
  version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_unit_status_idx ON report (unit_id, status, created_at DESC);
CREATE INDEX report_resident_idx ON report (resident_id, created_at DESC);
CREATE INDEX report_case_idx ON report (case_id);
CREATE INDEX report_search_idx ON report USING GIN (search_tokens);

-- Where the money went, for stop-payment and freezing: the receiving accounts a fraud victim names.
CREATE TABLE report_account (
  report_id  UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  position   SMALLINT NOT NULL,
  channel    VARCHAR(16) NOT NULL CHECK (channel IN ('BANK', 'ALIPAY', 'WECHAT', 'OTHER')),
  institution VARCHAR(100),
  account    VARCHAR(64) NOT NULL,
  holder     VARCHAR(100),
  amount     NUMERIC(14,2) CHECK (amount >= 0),
  paid_at    TIMESTAMPTZ,
  PRIMARY KEY (report_id, position)
);

CREATE TABLE report_attachment (
  id          UUID PRIMARY KEY,
  report_id   UUID NOT NULL REFERENCES report (id) ON DELETE CASCADE,
  file_name   VARCHAR(200) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes  INTEGER NOT NULL,
  sha256      CHAR(64) NOT NULL,
  content     BYTEA NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_attachment_report_idx ON report_attachment (report_id);

-- Several cases of one scheme may form a series.
CREATE TABLE case_series (
  id         UUID PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- A case. Numbers from this system are AJ-<year>-<number>; imported numbers are kept as they were.
-- loss_amount: the victims' losses (the sum of case_victim, or the imported figure).
CREATE TABLE case_file (
  id             UUID PRIMARY KEY,
  case_number    VARCHAR(40) NOT NULL UNIQUE,
  unit_id        UUID NOT NULL,
  category_code  VARCHAR(40) NOT NULL REFERENCES case_category (code),
  occurred_on    DATE NOT NULL,
  registered_on  DATE NOT NULL,
  status         VARCHAR(24) NOT NULL CHECK (status IN ('REGISTERED', 'UNDER_INVESTIGATION', 'CLEARED', 'SUSPENDED', 'CLOSED')),
  cleared_on     DATE,
  cleared_how    VARCHAR(1000),
  suspended_on   DATE,
  closed_on      DATE,
  closed_reason  VARCHAR(1000),
  officer_id     UUID,
  narrative      VARCHAR(10000),
  place          VARCHAR(200),
  loss_amount    NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (loss_amount >= 0),
  series_id      UUID REFERENCES case_series (id),
  source         VARCHAR(10) NOT NULL CHECK (source IN ('DESK', 'IMPORT', 'DEMO')),
  created_at     TIMESTAMPTZ NOT NULL,
  updated_at     TIMESTAMPTZ NOT NULL,
  search_tokens  TEXT[] NOT NULL DEFAULT '{}',
  version        INTEGER NOT NULL DEFAULT 0,
  CHECK (registered_on >= occurred_on),
  CHECK (cleared_on IS NULL OR cleared_on >= registered_on),
  CHECK (closed_on IS NULL OR closed_on >= registered_on)
);
CREATE INDEX case_file_unit_registered_idx ON case_file (unit_id, registered_on);
CREATE INDEX case_file_unit_cleared_idx ON case_file (unit_id, cleared_on) WHERE cleared_on IS NOT NULL;
CREATE INDEX case_file_category_idx ON case_file (category_code, registered_on);
CREATE INDEX case_file_series_idx ON case_file (series_id);
CREATE INDEX case_file_search_idx ON case_file USING GIN (search_tokens);

-- Victims of a case and their losses (the per-victim ledger); a victim may be a resident who reported online.
CREATE TABLE case_victim (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  report_id   UUID REFERENCES report (id),
  resident_id UUID,
  label       VARCHAR(100) NOT NULL,
  loss        NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (loss >= 0),
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_victim_case_idx ON case_victim (case_id);
CREATE UNIQUE INDEX case_victim_report_idx ON case_victim (report_id) WHERE report_id IS NOT NULL;

-- Money and people: stop-payment, freeze and return with an amount; apprehension with a number of people.
-- An event is identified by case, type, date and amount or people, so importing a file twice adds nothing.
CREATE TABLE case_event (
  id          UUID PRIMARY KEY,
  case_id     UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  victim_id   UUID REFERENCES case_victim (id),
  event_type  VARCHAR(16) NOT NULL CHECK (event_type IN ('STOP_PAYMENT', 'FREEZE', 'RETURN', 'APPREHENSION')),
  event_on    DATE NOT NULL,
  amount      NUMERIC(14,2) CHECK (amount >= 0),
  people      INTEGER CHECK (people > 0),
  note        VARCHAR(500),
  source      VARCHAR(10) NOT NULL CHECK (source IN ('DESK', 'IMPORT', 'DEMO')),
  created_at  TIMESTAMPTZ NOT NULL,
  created_by  UUID,
  CHECK ((event_type = 'APPREHENSION' AND people IS NOT NULL AND amount IS NULL)
      OR (event_type <> 'APPREHENSION' AND amount IS NOT NULL AND people IS NULL))
);
CREATE UNIQUE INDEX case_event_identity_idx ON case_event (case_id, event_type, event_on, COALESCE(amount, -1), COALESCE(people, -1));
CREATE INDEX case_event_type_on_idx ON case_event (event_type, event_on);

-- The case's history: every status change and record, for the case page.
CREATE TABLE case_step (
  id         UUID PRIMARY KEY,
  case_id    UUID NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  step       VARCHAR(30) NOT NULL,
  at         TIMESTAMPTZ NOT NULL,
  on_date    DATE NOT NULL,
  actor_id   VARCHAR(64),
  note       VARCHAR(1000)
);
CREATE INDEX case_step_case_idx ON case_step (case_id, at);

-- Imports of historical records: what was sent and what came of it.
CREATE TABLE case_import (
  id          UUID PRIMARY KEY,
  kind        VARCHAR(12) NOT NULL CHECK (kind IN ('CASES', 'EVENTS')),
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  imported    INTEGER,
  updated     INTEGER,
  error_lines INTEGER,
  account_id  UUID,
  outcome     VARCHAR(12) NOT NULL CHECK (outcome IN ('RUNNING', 'DONE', 'REJECTED', 'FAILED'))
);
