-- Staff notices: a notice is addressed to a role at a unit (the station chief of AN-DC-01, say) and seen by every
-- staff account that has that role and belongs to that unit, whoever holds the post when it is read. It is stored
-- once per (kind, notice_key), the thing it is about, so that an event delivered again adds nothing. The message
-- is a key of the notifications bundle with its arguments (a JSON array of references, never personal data),
-- rendered in the reader's language when shown.
CREATE TABLE staff_notice (
  id          UUID PRIMARY KEY,
  kind        TEXT NOT NULL,
  notice_key  TEXT NOT NULL,
  role        TEXT NOT NULL,
  unit_id     UUID NOT NULL,
  message_key TEXT NOT NULL,
  args        TEXT NOT NULL,
  link        TEXT,
  created_at  TIMESTAMPTZ NOT NULL,
  CONSTRAINT staff_notice_once UNIQUE (kind, notice_key)
);
CREATE INDEX staff_notice_addressee_idx ON staff_notice (unit_id, role, created_at DESC);

-- Read or unread is per account: one row per account that has read the notice.
CREATE TABLE staff_notice_read (
  notice_id  UUID NOT NULL REFERENCES staff_notice (id) ON DELETE CASCADE,
  account_id UUID NOT NULL,
  read_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (notice_id, account_id)
);
CREATE INDEX staff_notice_read_account_idx ON staff_notice_read (account_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON staff_notice, staff_notice_read TO "${appRole}";
