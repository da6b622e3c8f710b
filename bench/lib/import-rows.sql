-- The cases of the import file, row i a pure function of i, so that the CSV the import reads (:format = csv) and
-- the finished case_file rows COPY loads for the limit (:format = copy) hold the same cases. psql variables:
-- rows, prefix, format. Unit and category codes the import accepts: active units, leaf and top-level categories.
CREATE TEMP VIEW bench_import_rows AS
WITH u AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(id ORDER BY code) AS ids FROM unit WHERE active),
c AS (SELECT array_agg(code ORDER BY code) AS codes FROM case_category
      WHERE parent_code IS NOT NULL OR code IN ('THEFT', 'BURGLARY', 'ROBBERY', 'ASSAULT', 'DRUGS', 'OTHER_CRIMINAL')),
r AS (
  SELECT i, u.codes[1 + (i * 7) % cardinality(u.codes)] AS unit_code, u.ids[1 + (i * 7) % cardinality(u.codes)] AS unit_id,
         c.codes[1 + (i * 13) % cardinality(c.codes)] AS category, DATE '2015-01-01' + (i::bigint * 7919 % 3650)::int AS occurred,
         (i * 31) % 100 AS fate
    FROM generate_series(1, :rows) AS i, u, c)
SELECT i, :'prefix' || '-' || extract(year FROM occurred) || '-' || lpad(i::text, 8, '0') AS number, unit_code, unit_id,
       category, occurred, occurred + i % 5 AS registered,
       CASE WHEN fate < 40 THEN occurred + i % 5 + i % 300 END AS cleared,
       CASE WHEN fate >= 95 THEN occurred + i % 5 + i % 200 END AS closed,
       CASE WHEN category LIKE 'FRAUD%' OR category = 'THEFT' THEN round(((i * 37) % 5000000) / 100.0, 2) END AS loss
  FROM r;

\if :{?format}
\else
\set format csv
\endif
SELECT :'format' = 'csv' AS csv \gset
\if :csv
COPY (SELECT number AS case_number, unit_code, category AS category_code, occurred AS occurred_on,
             registered AS registered_on, cleared AS cleared_on, closed AS closed_on, loss AS loss_amount
        FROM bench_import_rows ORDER BY i)
  TO STDOUT WITH (FORMAT csv, HEADER true);
\else
COPY (SELECT gen_random_uuid(), number, unit_id, category, occurred, registered,
             CASE WHEN cleared IS NOT NULL THEN 'CLEARED' WHEN closed IS NOT NULL THEN 'CLOSED' ELSE 'REGISTERED' END,
             cleared, closed, coalesce(loss, 0), 'IMPORT', now(), now(),
             regexp_split_to_array(lower(number), '[^a-z0-9]+')
        FROM bench_import_rows ORDER BY i) TO STDOUT;
\endif
