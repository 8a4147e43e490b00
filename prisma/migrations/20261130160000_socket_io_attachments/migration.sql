-- socket.io's Postgres adapter (several instances share live events through LISTEN/NOTIFY): payloads over
-- NOTIFY's 8,000-byte limit travel through this table; the adapter deletes rows older than 30 s.
CREATE TABLE "socket_io_attachments" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "payload" BYTEA,

    CONSTRAINT "socket_io_attachments_pkey" PRIMARY KEY ("id")
);
