-- Residents' inboxes. A notice is a message key of the notifications bundle with its arguments (a JSON array of
-- references, never personal data), rendered in the reader's language when shown. The subject (for example
-- application:<id>) is what the entry is about: an entry that repeats the newest one of its subject is the same
-- event delivered again and is not stored twice (see Inbox.store).
CREATE TABLE notification (
  id          UUID PRIMARY KEY,
  resident_id UUID NOT NULL,
  kind        TEXT NOT NULL,
  subject     TEXT NOT NULL,
  message_key TEXT NOT NULL,
  args        TEXT NOT NULL,
  link        TEXT,
  created_at  TIMESTAMPTZ NOT NULL,
  read_at     TIMESTAMPTZ
);
CREATE INDEX notification_resident_idx ON notification (resident_id, created_at DESC);
CREATE INDEX notification_subject_idx ON notification (subject, created_at DESC);

-- The root migration's default privileges cover new tables already; granted by name as well, so that the table
-- stays usable should the defaults ever be narrowed.
GRANT SELECT, INSERT, UPDATE, DELETE ON notification TO "${appRole}";
