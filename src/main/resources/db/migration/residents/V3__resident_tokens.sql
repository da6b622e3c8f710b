-- API tokens of residents (apps, kiosks): only a SHA-256 hash of the token is kept; the token itself is shown once.
CREATE TABLE resident_token (
  id          UUID PRIMARY KEY,
  resident_id UUID NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  revoked_at  TIMESTAMPTZ
);
CREATE INDEX resident_token_resident_idx ON resident_token (resident_id);
