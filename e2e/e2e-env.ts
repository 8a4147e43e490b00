// Shared settings of the end-to-end suite (used by playwright.config.ts, the server launcher and the fixtures).
import path from "node:path";

/** Port of the production server the suite starts (override with E2E_PORT). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);

/** Base URL of that server. */
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Port of a server a spec starts (and stops) itself, beside the shared one (override with E2E_OWN_PORT). */
export const E2E_OWN_PORT = Number(process.env.E2E_OWN_PORT ?? E2E_PORT + 1);

/** Where the launcher writes the seeded credentials for the tests (gitignored). */
export const FIXTURES_FILE = path.resolve(import.meta.dirname, "..", ".data", "e2e", "fixtures.json");

/** The swarm the launcher creates an ingest key for. */
export const E2E_SWARM = "e2e-swarm";

/** Prefix of the databases the launcher creates (distinct from the integration tests' `sm_test_`, which they drop). */
export const E2E_DB_PREFIX = "sm_e2e_";

/** What the launcher seeds and the tests read. */
export type E2EFixtures = {
  baseURL: string;
  database: string;
  admin: { email: string; password: string };
  operator: { email: string; password: string };
  viewer: { email: string; password: string };
  swarm: string;
  ingestKey: string;
  /** A second swarm (for tests that change its settings) and its ingest key. */
  spareSwarm: string;
  spareIngestKey: string;
};
