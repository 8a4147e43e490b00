-- Where a swarm's engine owner answers reads of its live engine state (agents, patterns, performance, live figures)
-- for the other instances: its internal URL, recorded when it takes the swarm over and on every heartbeat.
ALTER TABLE "swarm_owners" ADD COLUMN "owner_url" TEXT;
