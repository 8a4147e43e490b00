-- event_keys.created_at is only used to prune keys past the ingest window; rows arrive in created_at order,
-- so a BRIN index serves that scan at a fraction of a B-tree's cost on every ingested event.
DROP INDEX "event_keys_created_at_idx";
CREATE INDEX "event_keys_created_at_idx" ON "event_keys" USING BRIN ("created_at");
