// Fingerprints of what the builds depend on, so `npm start` and the CLI rebuild only when needed: the Next.js build
// (.next) by its source folders, each esbuild bundle (dist/) by the exact files esbuild read for it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Where a build records the fingerprint of the sources it was made from (relative to the repository root). */
export const STAMP_FILE = ".next/swarm-medic-build-stamp";

/** Where the esbuild bundles go (relative to the repository root). */
export const DIST_DIR = "dist";

/** Files every bundle depends on besides the sources esbuild reads: its options and the path aliases. */
const BUNDLE_CONFIG = ["scripts/build-server.mjs", "tsconfig.json"];

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

/** `size:mtime` of a file under `root`, or null when it does not exist. */
function fileState(root, p) {
  try {
    const st = fs.statSync(path.join(root, p));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

const bundleStampFile = (root, name) => path.join(root, DIST_DIR, `${name}.inputs.json`);

/** Records that bundle `name` (dist/`name`.js) was made from `inputs` (paths relative to `root`) as they are now. */
export function writeBundleStamp(root, name, inputs) {
  const files = Object.fromEntries([...new Set([...inputs, ...BUNDLE_CONFIG])].sort().map((p) => [p, fileState(root, p)]));
  const file = bundleStampFile(root, name);
  fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(files));
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}

/** Whether dist/`name`.js exists and every file it was bundled from is unchanged. */
export function bundleBuiltFrom(root, name) {
  if (!fs.existsSync(path.join(root, DIST_DIR, `${name}.js`))) return false;
  let files;
  try {
    files = JSON.parse(fs.readFileSync(bundleStampFile(root, name), "utf8"));
  } catch {
    return false;
  }
  return Object.entries(files).every(([p, state]) => fileState(root, p) === state);
}

/** Whether everything `npm start` runs in `root` (the Next.js build and the server bundle) is built from the current sources. */
export function builtFrom(root = ".") {
  return nextBuiltFrom(root) && bundleBuiltFrom(root, "server");
}
