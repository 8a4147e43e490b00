// A fingerprint of everything the Next.js build depends on, so `npm start` rebuilds only when needed; with the
// bundles' own record (bundle-stamp.mjs), whether `npm start` would build anything at all.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bundleBuiltFrom } from "./bundle-stamp.mjs";

const ROOTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Where a build records the fingerprint of the sources it was made from (relative to the repository root). */
export const STAMP_FILE = ".next/swarm-medic-build-stamp";

function walk(root, p, out) {
  const abs = path.join(root, p);
  if (!fs.existsSync(abs)) return;
  const st = fs.statSync(abs);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) if (name !== "generated" && name !== "node_modules") walk(root, path.join(p, name), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

/** Hash of the paths (relative to the repository root `root`), sizes and modification times of the build inputs. */
export function buildStamp(root = ".") {
  const files = [];
  for (const r of ROOTS) walk(root, r, files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

/** Whether the build in `root`/.next was made from exactly the current sources. */
export function nextBuiltFrom(root = ".", stamp = buildStamp(root)) {
  const file = path.join(root, STAMP_FILE);
  return fs.existsSync(path.join(root, ".next/BUILD_ID")) && fs.existsSync(file) && fs.readFileSync(file, "utf8") === stamp;
}

/** Whether everything `npm start` runs in `root` (the Next.js build and the server bundle) is built from the current sources. */
export function builtFrom(root = ".") {
  return nextBuiltFrom(root) && bundleBuiltFrom(root, "server");
}
