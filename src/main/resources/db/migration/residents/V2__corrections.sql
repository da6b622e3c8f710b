-- Residents' requests to correct their name or mobile number, reviewed by staff. The values before and after
-- are kept with the decision; mobile numbers only sealed, as in the resident table.
CREATE TABLE resident_correction (
  id                   UUID PRIMARY KEY,
  resident_id          UUID NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  field                VARCHAR(16) NOT NULL CHECK (field IN ('NAME', 'MOBILE')),
  before_name          VARCHAR(50),
  after_name           VARCHAR(50),
  before_mobile_sealed BYTEA,
  after_mobile_sealed  BYTEA,
  reason               VARCHAR(500) NOT NULL,
  status               VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED')),
  requested_at         TIMESTAMPTZ NOT NULL,
  decided_at           TIMESTAMPTZ,
  decided_by           VARCHAR(64)
);
CREATE INDEX resident_correction_open_idx ON resident_correction (status, requested_at);
