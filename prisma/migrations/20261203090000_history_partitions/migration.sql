-- The healing history (bottlenecks, predictions, failures, healings, commands) becomes RANGE-partitioned by month on
-- each table's immutable time column, then LIST-partitioned by swarm_id like the rollups, so that history retention
-- drops whole months (lib/db/partitions.ts) instead of deleting rows. Every unique key of a partitioned table must hold
-- both partition columns: the primary keys become (id, swarm_id, <time>), still led by id for lookups by id, and the
-- foreign keys between these tables (healings.failure_id → failures, commands.healing_id → healings) go, since nothing
-- is unique on id alone any more; the id columns stay. A failure's source event stays unique per swarm through
-- `failure_sources`, a plain key table: a unique index on the partitioned failures would have to include detected_at,
-- and a re-detection after a replay comes at another time. Same columns and defaults; rows already stored move into
-- the month they belong to, and a DEFAULT partition catches months nobody created.
SET LOCAL TIME ZONE 'UTC';

ALTER TABLE "healings" DROP CONSTRAINT "healings_failure_id_fkey";
ALTER TABLE "commands" DROP CONSTRAINT "commands_healing_id_fkey";

DO $$
DECLARE
  spec text[];
  tbl text;
  col text;
  old text;
  m timestamptz;
  last_month timestamptz := date_trunc('month', now()) + interval '1 month';
  name text;
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['bottlenecks', 'detected_at'], ['predictions', 'predicted_at'], ['failures', 'detected_at'], ['healings', 'started_at'], ['commands', 'issued_at']
  ] LOOP
    tbl := spec[1];
    col := spec[2];
    old := tbl || '_unpartitioned';
    EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, old);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', old, tbl || '_pkey');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS, CONSTRAINT %I PRIMARY KEY ("id", "swarm_id", %I)) PARTITION BY RANGE (%I)', tbl, old, tbl || '_pkey', col, col);
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tbl || '_default', tbl);
    EXECUTE format('SELECT date_trunc(''month'', min(%I)) FROM %I', col, old) INTO m;
    m := least(coalesce(m, date_trunc('month', now())), date_trunc('month', now()) - interval '1 month');
    WHILE m <= last_month LOOP
      name := tbl || '_p' || to_char(m, 'YYYYMM');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L) PARTITION BY LIST ("swarm_id")', name, tbl, m, m + interval '1 month');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', name || '_default', name);
      m := m + interval '1 month';
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', tbl, old);
    EXECUTE format('DROP TABLE %I', old);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE', tbl, tbl || '_swarm_id_fkey');
  END LOOP;
END $$;

CREATE INDEX "bottlenecks_swarm_id_detected_at_idx" ON "bottlenecks"("swarm_id", "detected_at" DESC);
CREATE INDEX "bottlenecks_swarm_id_status_idx" ON "bottlenecks"("swarm_id", "status");
CREATE INDEX "predictions_swarm_id_predicted_at_idx" ON "predictions"("swarm_id", "predicted_at" DESC);
CREATE INDEX "predictions_swarm_id_status_idx" ON "predictions"("swarm_id", "status");
CREATE INDEX "failures_swarm_id_detected_at_idx" ON "failures"("swarm_id", "detected_at" DESC);
CREATE INDEX "healings_swarm_id_started_at_idx" ON "healings"("swarm_id", "started_at" DESC);
CREATE INDEX "commands_swarm_id_status_issued_at_idx" ON "commands"("swarm_id", "status", "issued_at");
-- A healing's commands are read by healing id (the relation Prisma used to follow).
CREATE INDEX "commands_swarm_id_healing_id_idx" ON "commands"("swarm_id", "healing_id");

CREATE TABLE "failure_sources" (
    "swarm_id" INTEGER NOT NULL,
    "source_event_id" TEXT NOT NULL,
    "failure_id" UUID NOT NULL,
    CONSTRAINT "failure_sources_pkey" PRIMARY KEY ("swarm_id", "source_event_id")
);
ALTER TABLE "failure_sources" ADD CONSTRAINT "failure_sources_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "failure_sources" ("swarm_id", "source_event_id", "failure_id")
SELECT "swarm_id", "source_event_id", "id" FROM "failures" WHERE "source_event_id" IS NOT NULL;
