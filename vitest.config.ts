// Unit tests: pure, no database (colocated `*.test.ts`, `*.test.tsx` for components).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/*.int.test.ts", "node_modules/**", ".next/**", "e2e/**", ".data/**"],
    // Property and long-stream tests do seconds of work; on a shared 2-core machine 5 s is not a bound worth failing on.
    testTimeout: 60_000,
  },
});
