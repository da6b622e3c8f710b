-- An event is identified per victim too: the same return to two victims on one day is two events. Imports name
-- no victim, so importing a file twice still adds nothing.
DROP INDEX case_event_identity_idx;
CREATE UNIQUE INDEX case_event_identity_idx ON case_event (case_id, event_type, event_on, COALESCE(amount, -1),
  COALESCE(people, -1), COALESCE(victim_id, '00000000-0000-0000-0000-000000000000'::uuid));
