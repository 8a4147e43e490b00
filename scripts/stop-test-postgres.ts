// Stops the embedded Postgres the tests started under .data/test (CI runs this when it finishes).
import { stopEmbeddedPostgres } from "../lib/server/db/embedded-postgres";

const stopped = await stopEmbeddedPostgres(".data/test");
process.stdout.write(stopped ? "stopped the test Postgres under .data/test\n" : "no test Postgres running under .data/test\n");
