-- Several instances on one database: one engine owner per swarm (a session advisory lock on a dedicated
-- connection), fenced by an epoch that every takeover increments, with the owner's read cursor over events.
CREATE TABLE "swarm_owners" (
    "swarm_id" INTEGER NOT NULL,
    "owner_id" TEXT NOT NULL,
    "epoch" BIGINT NOT NULL DEFAULT 0,
    "cursor_tx" xid8 NOT NULL DEFAULT '0',
    "cursor_seq" BIGINT NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "swarm_owners_pkey" PRIMARY KEY ("swarm_id"),
    CONSTRAINT "swarm_owners_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The writing transaction of each event: an owner reads events in (tx, seq) order only below the oldest
-- transaction still running (pg_snapshot_xmin), so a row committed late with a lower seq is never skipped.
ALTER TABLE "events" ADD COLUMN "tx" xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX "events_swarm_id_tx_seq_idx" ON "events"("swarm_id", "tx", "seq");

-- Events stored before this migration count as processed by the engine that ran then.
INSERT INTO "swarm_owners" ("swarm_id", "owner_id", "cursor_tx", "cursor_seq")
SELECT "id", '', pg_current_xact_id(), 9223372036854775807 FROM "swarms";
