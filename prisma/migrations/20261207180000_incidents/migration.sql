-- One incident per fault (a detected failure or an active bottleneck) with how it is handled right now: a healing
-- running, a decision waiting, or an operator needed and why. The engine's sink is its only writer.
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "failure_type" TEXT NOT NULL,
    "agent_id" TEXT,
    "severity" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "healing_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id", "swarm_id")
);
CREATE INDEX "incidents_swarm_id_state_idx" ON "incidents"("swarm_id", "state");
CREATE INDEX "incidents_swarm_id_opened_at_idx" ON "incidents"("swarm_id", "opened_at" DESC);
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
