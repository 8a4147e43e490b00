-- Swarm Medic initial schema (hand-written: Prisma's schema engine cannot be downloaded here).

CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');
CREATE TYPE "BottleneckStatus" AS ENUM ('active', 'resolved');
CREATE TYPE "PredictionStatus" AS ENUM ('observed', 'open', 'approved', 'rejected', 'expired');
CREATE TYPE "HealingStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');
CREATE TYPE "HealingTrigger" AS ENUM ('detected', 'preventive', 'manual');
CREATE TYPE "CommandStatus" AS ENUM ('pending', 'dispatched', 'acknowledged', 'succeeded', 'failed', 'timed_out');

CREATE TABLE "swarms" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settings" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "swarms_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "swarms_name_check" CHECK ("name" ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);
CREATE UNIQUE INDEX "swarms_name_key" ON "swarms"("name");

CREATE TABLE "ingest_keys" (
    "id" SERIAL NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "name" TEXT,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "ingest_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ingest_keys_hash_key" ON "ingest_keys"("hash");
CREATE INDEX "ingest_keys_swarm_id_idx" ON "ingest_keys"("swarm_id");
CREATE INDEX "ingest_keys_prefix_idx" ON "ingest_keys"("prefix");

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

CREATE TABLE "personal_access_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT,
    "name" TEXT,
    "role" "Role" NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "personal_access_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "personal_access_tokens_hash_key" ON "personal_access_tokens"("hash");
CREATE INDEX "personal_access_tokens_user_id_idx" ON "personal_access_tokens"("user_id");
CREATE INDEX "personal_access_tokens_prefix_idx" ON "personal_access_tokens"("prefix");

CREATE TABLE "app_secrets" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_secrets_pkey" PRIMARY KEY ("key")
);

-- Events: append-only, range-partitioned by day on the event timestamp so retention drops whole partitions.
-- Partitions are created ahead of time by lib/db/partitions.ts; the default partition catches anything else.
CREATE TABLE "events" (
    "swarm_id" INTEGER NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "agent_id" TEXT,
    "task_id" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" JSONB NOT NULL,
    CONSTRAINT "events_pkey" PRIMARY KEY ("swarm_id", "ts", "seq")
) PARTITION BY RANGE ("ts");
CREATE INDEX "events_swarm_id_type_ts_idx" ON "events"("swarm_id", "type", "ts" DESC);
CREATE TABLE "events_default" PARTITION OF "events" DEFAULT;

CREATE TABLE "event_keys" (
    "swarm_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_keys_pkey" PRIMARY KEY ("swarm_id", "event_id")
);
CREATE INDEX "event_keys_created_at_idx" ON "event_keys"("created_at");

CREATE TABLE "bottlenecks" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "impact_score" DOUBLE PRECISION NOT NULL,
    "affected_resources" JSONB NOT NULL DEFAULT '[]',
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "recommendations" JSONB NOT NULL DEFAULT '[]',
    "status" "BottleneckStatus" NOT NULL DEFAULT 'active',
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "bottlenecks_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "bottlenecks_swarm_id_detected_at_idx" ON "bottlenecks"("swarm_id", "detected_at" DESC);
CREATE INDEX "bottlenecks_swarm_id_status_idx" ON "bottlenecks"("swarm_id", "status");

CREATE TABLE "predictions" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "failure_type" TEXT NOT NULL,
    "agent_id" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "predicted_at" TIMESTAMPTZ(3) NOT NULL,
    "expected_at" TIMESTAMPTZ(3) NOT NULL,
    "reasoning" TEXT NOT NULL,
    "recommended_action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "pattern_indicators" JSONB NOT NULL DEFAULT '[]',
    "status" "PredictionStatus" NOT NULL DEFAULT 'observed',
    "outcome" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    CONSTRAINT "predictions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "predictions_swarm_id_predicted_at_idx" ON "predictions"("swarm_id", "predicted_at" DESC);
CREATE INDEX "predictions_swarm_id_status_idx" ON "predictions"("swarm_id", "status");

CREATE TABLE "failures" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "failure_type" TEXT NOT NULL,
    "agent_id" TEXT,
    "task_id" TEXT,
    "severity" TEXT,
    "context" JSONB NOT NULL DEFAULT '{}',
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "failures_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "failures_swarm_id_detected_at_idx" ON "failures"("swarm_id", "detected_at" DESC);

CREATE TABLE "healings" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "failure_id" UUID,
    "prediction_id" UUID,
    "failure_type" TEXT NOT NULL,
    "strategy" TEXT NOT NULL,
    "status" "HealingStatus" NOT NULL DEFAULT 'pending',
    "trigger" "HealingTrigger" NOT NULL,
    "actions" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "heal_ms" INTEGER,
    "recovery_ms" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "healings_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "healings_swarm_id_started_at_idx" ON "healings"("swarm_id", "started_at" DESC);

CREATE TABLE "commands" (
    "id" UUID NOT NULL,
    "swarm_id" INTEGER NOT NULL,
    "healing_id" UUID,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" "CommandStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "detail" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "lease_until" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "commands_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "commands_swarm_id_status_issued_at_idx" ON "commands"("swarm_id", "status", "issued_at");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "result" TEXT NOT NULL,
    "swarm_id" INTEGER,
    "detail" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);
CREATE INDEX "audit_log_swarm_id_at_idx" ON "audit_log"("swarm_id", "at" DESC);

CREATE TABLE "rollup_minute" (
    "swarm_id" INTEGER NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "healings" INTEGER NOT NULL DEFAULT 0,
    "healings_succeeded" INTEGER NOT NULL DEFAULT 0,
    "heal_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recovery_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recoveries" INTEGER NOT NULL DEFAULT 0,
    "predictions" INTEGER NOT NULL DEFAULT 0,
    "predictions_confirmed" INTEGER NOT NULL DEFAULT 0,
    "predictions_prevented" INTEGER NOT NULL DEFAULT 0,
    "predictions_false" INTEGER NOT NULL DEFAULT 0,
    "bottlenecks" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rollup_minute_pkey" PRIMARY KEY ("swarm_id", "bucket_start")
);

CREATE TABLE "rollup_hour" (
    "swarm_id" INTEGER NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "healings" INTEGER NOT NULL DEFAULT 0,
    "healings_succeeded" INTEGER NOT NULL DEFAULT 0,
    "heal_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recovery_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recoveries" INTEGER NOT NULL DEFAULT 0,
    "predictions" INTEGER NOT NULL DEFAULT 0,
    "predictions_confirmed" INTEGER NOT NULL DEFAULT 0,
    "predictions_prevented" INTEGER NOT NULL DEFAULT 0,
    "predictions_false" INTEGER NOT NULL DEFAULT 0,
    "bottlenecks" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rollup_hour_pkey" PRIMARY KEY ("swarm_id", "bucket_start")
);

CREATE TABLE "rollup_day" (
    "swarm_id" INTEGER NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "healings" INTEGER NOT NULL DEFAULT 0,
    "healings_succeeded" INTEGER NOT NULL DEFAULT 0,
    "heal_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recovery_ms_sum" BIGINT NOT NULL DEFAULT 0,
    "recoveries" INTEGER NOT NULL DEFAULT 0,
    "predictions" INTEGER NOT NULL DEFAULT 0,
    "predictions_confirmed" INTEGER NOT NULL DEFAULT 0,
    "predictions_prevented" INTEGER NOT NULL DEFAULT 0,
    "predictions_false" INTEGER NOT NULL DEFAULT 0,
    "bottlenecks" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rollup_day_pkey" PRIMARY KEY ("swarm_id", "bucket_start")
);

ALTER TABLE "ingest_keys" ADD CONSTRAINT "ingest_keys_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "personal_access_tokens" ADD CONSTRAINT "personal_access_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bottlenecks" ADD CONSTRAINT "bottlenecks_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "failures" ADD CONSTRAINT "failures_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "healings" ADD CONSTRAINT "healings_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "healings" ADD CONSTRAINT "healings_failure_id_fkey" FOREIGN KEY ("failure_id") REFERENCES "failures"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "commands" ADD CONSTRAINT "commands_swarm_id_fkey" FOREIGN KEY ("swarm_id") REFERENCES "swarms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "commands" ADD CONSTRAINT "commands_healing_id_fkey" FOREIGN KEY ("healing_id") REFERENCES "healings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only for the application: updates and deletes are refused.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
