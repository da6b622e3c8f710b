-- The audit trail: append-only and hash-chained. Each row's hash covers its content and the previous row's
-- hash, so a changed, removed or reordered row breaks the chain at that row.
CREATE TABLE audit_event (
  seq              BIGINT PRIMARY KEY CHECK (seq > 0),
  occurred_at      TIMESTAMPTZ NOT NULL,
  actor_kind       VARCHAR(16) NOT NULL,
  actor_id         VARCHAR(64),
  actor_unit       UUID,
  actor_roles      VARCHAR(300),
  action           VARCHAR(32) NOT NULL,
  object_type      VARCHAR(48),
  object_id        VARCHAR(64),
  subject_resident UUID,
  purpose          VARCHAR(32),
  purpose_ref      VARCHAR(100),
  outcome          VARCHAR(16) NOT NULL,
  request_id       VARCHAR(64),
  source_address   VARCHAR(64),
  detail           VARCHAR(500),
  hash_algorithm   VARCHAR(16) NOT NULL,
  prev_hash        CHAR(64) NOT NULL,
  hash             CHAR(64) NOT NULL
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_resident, seq) WHERE subject_resident IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- The application's role may add and read audit rows, never change or remove them.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM "${appRole}";
GRANT SELECT, INSERT ON audit_event TO "${appRole}";

-- A station chief may defer when a resident sees an access (an open investigation); the entry shows after.
CREATE TABLE audit_deferral (
  id           UUID PRIMARY KEY,
  audit_seq    BIGINT NOT NULL REFERENCES audit_event (seq),
  reason       VARCHAR(500) NOT NULL,
  until        DATE NOT NULL,
  deferred_by  VARCHAR(64) NOT NULL,
  deferred_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_deferral_seq_idx ON audit_deferral (audit_seq);
