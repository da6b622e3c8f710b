-- Staff accounts: each belongs to one unit (by identifier; the unit table is the units module's) and holds roles.
CREATE TABLE staff_account (
  id               UUID PRIMARY KEY,
  username         VARCHAR(64) NOT NULL,
  display_name     VARCHAR(100) NOT NULL,
  unit_id          UUID NOT NULL,
  password_hash    VARCHAR(200) NOT NULL,
  totp_secret      VARCHAR(64),
  totp_last_step   BIGINT NOT NULL DEFAULT 0,
  active           BOOLEAN NOT NULL DEFAULT TRUE,
  locked_at        TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX staff_account_username_idx ON staff_account (lower(username));
CREATE INDEX staff_account_unit_idx ON staff_account (unit_id);

CREATE TABLE staff_role (
  account_id  UUID NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  role        VARCHAR(32) NOT NULL,
  PRIMARY KEY (account_id, role)
);

-- Failed sign-in steps (password or second factor); five within 15 minutes lock the account.
CREATE TABLE staff_sign_in_failure (
  account_id  UUID NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  failed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_sign_in_failure_idx ON staff_sign_in_failure (account_id, failed_at);

-- API tokens: only a SHA-256 hash of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
  id           UUID PRIMARY KEY,
  account_id   UUID NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  name         VARCHAR(100) NOT NULL,
  token_hash   CHAR(64) NOT NULL UNIQUE,
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  revoked_at   TIMESTAMPTZ,
  last_used_at TIMESTAMPTZ
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
