-- Rollups become RANGE-partitioned by month on bucket_start, so that retention drops whole months
-- (lib/db/partitions.ts) instead of deleting rows. Each month is itself LIST-partitioned by swarm_id: a `_default`
-- leaf for the swarms on the server's history retention, and `_s<swarm id>` leaves that the partition upkeep adds for
-- swarms with their own. Same columns, defaults and primary key, so no query changes; a DEFAULT partition catches
-- months nobody created. Rows already stored move into the month they belong to.
SET LOCAL TIME ZONE 'UTC';

DO $$
DECLARE
  tbl text;
  old text;
  m timestamptz;
  last_month timestamptz := date_trunc('month', now()) + interval '1 month';
  name text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['rollup_minute', 'rollup_hour', 'rollup_day'] LOOP
    old := tbl || '_unpartitioned';
    EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, old);
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', old, tbl || '_pkey', old || '_pkey');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS, CONSTRAINT %I PRIMARY KEY ("swarm_id", "bucket_start")) PARTITION BY RANGE ("bucket_start")', tbl, old, tbl || '_pkey');
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tbl || '_default', tbl);
    EXECUTE format('SELECT date_trunc(''month'', min("bucket_start")) FROM %I', old) INTO m;
    m := least(coalesce(m, date_trunc('month', now())), date_trunc('month', now()) - interval '1 month');
    WHILE m <= last_month LOOP
      name := tbl || '_p' || to_char(m, 'YYYYMM');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L) PARTITION BY LIST ("swarm_id")', name, tbl, m, m + interval '1 month');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', name || '_default', name);
      m := m + interval '1 month';
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', tbl, old);
    EXECUTE format('DROP TABLE %I', old);
  END LOOP;
END $$;
