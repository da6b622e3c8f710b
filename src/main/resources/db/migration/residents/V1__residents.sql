-- Residents who use the online portal. One account per identity number; several residents (a family) may
-- share a mobile number. Only what the portal needs is kept: no ethnicity, religion or biometric data.
-- Identity and mobile numbers are kept only sealed (encrypted and bound to their column, see the privacy
-- module), each with a keyed index beside it for exact look-up: the table, or a backup of it, shows neither
-- without the keys.
CREATE TABLE resident (
  id                UUID PRIMARY KEY,
  name              VARCHAR(50) NOT NULL,
  id_number_sealed  BYTEA NOT NULL,
  id_number_index   VARCHAR(100) NOT NULL UNIQUE,
  mobile_sealed     BYTEA NOT NULL,
  mobile_index      VARCHAR(100) NOT NULL,
  password_hash     VARCHAR(200) NOT NULL,
  locked_until      TIMESTAMPTZ,
  created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX resident_mobile_idx ON resident (mobile_index, created_at);

-- Failed sign-ins; five within 15 minutes lock the resident for 15 minutes.
CREATE TABLE resident_sign_in_failure (
  resident_id UUID NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  failed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX resident_sign_in_failure_idx ON resident_sign_in_failure (resident_id, failed_at);
