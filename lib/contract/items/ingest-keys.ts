// A swarm's ingest keys as GET/POST/DELETE /swarms/{swarm}/keys answer (never the hash).

/** One ingest key as listed. */
export type IngestKeyView = {
  id: number;
  name: string | null;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

/** The answer of POST /swarms/{swarm}/keys: the plain `key`, shown once. */
export type CreatedIngestKey = IngestKeyView & { key: string };
