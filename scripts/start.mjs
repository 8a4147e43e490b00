// `npm start`: build the production bundle when it is missing or stale, then run server.ts in this process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { STAMP_FILE, buildStamp, builtFrom } from "./build-stamp.mjs";

// Next.js telemetry would call home from a machine that may have no route out.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const stamp = buildStamp();
if (!builtFrom(".", stamp)) {
  process.stdout.write("Building the dashboard (first start or changed sources)…\n");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(STAMP_FILE, stamp);
}
process.env.NODE_ENV = "production";
const { register } = await import("tsx/esm/api");
register();
await import("../server.ts");
