// Prisma CLI configuration: only `prisma generate` is used (migrations are applied by lib/server/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
