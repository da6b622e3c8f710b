-- Cases and their money and people events for the indicators, generated in the database (as
-- IndicatorsBenchmark does): cases :first to :last of a run with :prefix, in the years 2024 and 2025 over the
-- active stations, a third of them fraud; about one fraud case in two has an event. A case's id is a function of
-- its number, so that its events need no join; ids ascend within a run (a random id per row made the primary key's
-- index the larger part of the load). The rows are valid by construction (existing categories, units and cases),
-- so the foreign-key triggers are off for this session (session_replication_role, superuser only).
SET session_replication_role = replica;
INSERT INTO case_file (id, case_number, unit_id, category_code, occurred_on, registered_on, status, cleared_on,
                       loss_amount, source, created_at, updated_at)
SELECT (left(md5(:'prefix'), 8) || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, :'prefix' || '-' || i, s.ids[1 + (i * 7) % cardinality(s.ids)],
       CASE WHEN i % 4999 = 0 THEN 'INTENTIONAL_HOMICIDE' ELSE k.codes[1 + (i * 13) % 12] END,
       d, d + (i % 3), CASE WHEN i % 5 < 2 THEN 'CLEARED' ELSE 'REGISTERED' END,
       CASE WHEN i % 5 < 2 THEN d + (i % 3) + (i % 97) END,
       CASE WHEN (i * 13) % 12 < 4 THEN (i % 4000000) / 100.0 ELSE 0 END, 'IMPORT', now(), now()
  FROM generate_series(:first, :last) AS i,
       (SELECT array_agg(id ORDER BY code) AS ids FROM unit WHERE active AND level = 'STATION') AS s,
       (SELECT ARRAY['FRAUD_INVESTMENT', 'FRAUD_ORDER_BRUSHING', 'FRAUD_LOAN', 'TELECOM_FRAUD', 'THEFT', 'THEFT', 'THEFT',
                     'BURGLARY', 'ASSAULT', 'DRUGS', 'THEFT', 'BURGLARY'] AS codes) AS k,
       LATERAL (SELECT DATE '2024-01-01' + (i::bigint * 7919 % 731)::int AS d) AS dd;

INSERT INTO case_event (id, case_id, event_type, event_on, amount, people, source, created_at)
SELECT (left(md5(:'prefix' || 'e'), 8) || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       (left(md5(:'prefix'), 8) || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, t, d + (i % 3) + (i % 30),
       CASE WHEN t = 'APPREHENSION' THEN NULL ELSE (i % 500000) / 100.0 END,
       CASE WHEN t = 'APPREHENSION' THEN 1 + i % 3 END, 'IMPORT', now()
  FROM generate_series(:first, :last) AS i,
       LATERAL (SELECT DATE '2024-01-01' + (i::bigint * 7919 % 731)::int AS d,
                       (ARRAY['STOP_PAYMENT', 'FREEZE', 'RETURN', 'APPREHENSION'])[1 + i % 4] AS t) AS x
 WHERE (i * 13) % 12 < 4 AND i % 4999 <> 0 AND i % 2 = 0;
