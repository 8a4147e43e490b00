-- A failure detected from an event names that event, once per swarm: an engine that takes a swarm over (or restarts)
-- replays the last events before its cursor and may detect the same failure again; the second row is not stored.
ALTER TABLE "failures" ADD COLUMN "source_event_id" TEXT;

UPDATE "failures" f SET "source_event_id" = first.event_id
FROM (
  SELECT DISTINCT ON (swarm_id, context->>'event_id') id, context->>'event_id' AS event_id
  FROM "failures" WHERE context ? 'event_id'
  ORDER BY swarm_id, context->>'event_id', detected_at, id
) first
WHERE f.id = first.id;

CREATE UNIQUE INDEX "failures_swarm_id_source_event_id_key" ON "failures"("swarm_id", "source_event_id");
