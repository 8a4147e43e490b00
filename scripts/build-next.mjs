// The Next.js production build (.next) of the dashboard routes, recording the sources it was made from.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { STAMP_FILE, buildStamp } from "./build-stamp.mjs";

/** Runs `next build` in `root` (type-checking unless `typecheck` is false); exits the process when it fails. */
export function buildNext(root, { typecheck }) {
  const stamp = buildStamp(root);
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" };
  if (!typecheck) env.SWARM_MEDIC_SKIP_TYPECHECK = "1";
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(path.join(root, STAMP_FILE), stamp);
}
