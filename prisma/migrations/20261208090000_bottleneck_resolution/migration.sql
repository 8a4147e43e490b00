-- Why a bottleneck was resolved when the engine did not resolve it: "no data" when storage closed it because its
-- swarm stopped sending events (null: the engine saw its condition clear).
ALTER TABLE "bottlenecks" ADD COLUMN "resolution" TEXT;
