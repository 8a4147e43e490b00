// Whether an esbuild bundle in dist/ is current: each bundle records the exact files esbuild read for it, so it is
// stale as soon as one of them changes or disappears. Kept free of heavier modules: the CLI checks it on every run.
import fs from "node:fs";
import path from "node:path";

/** Where the esbuild bundles go (relative to the repository root). */
export const DIST_DIR = "dist";

/** Files every bundle depends on besides the sources esbuild reads: its options and the path aliases. */
const BUNDLE_CONFIG = ["scripts/build-server.mjs", "scripts/bundle-stamp.mjs", "tsconfig.json"];

/** `size:mtime` of a file under `root`, or null when it does not exist. */
function fileState(root, p) {
  try {
    const st = fs.statSync(path.join(root, p));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

const stampFile = (root, name) => path.join(root, DIST_DIR, `${name}.inputs.json`);

/** Records that bundle `name` (dist/`name`.js) was made from `inputs` (paths relative to `root`) as they are now. */
export function writeBundleStamp(root, name, inputs) {
  const files = Object.fromEntries([...new Set([...inputs, ...BUNDLE_CONFIG])].sort().map((p) => [p, fileState(root, p)]));
  const file = stampFile(root, name);
  fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(files));
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}

/** Whether dist/`name`.js exists and every file it was bundled from is unchanged. */
export function bundleBuiltFrom(root, name) {
  if (!fs.existsSync(path.join(root, DIST_DIR, `${name}.js`))) return false;
  let files;
  try {
    files = JSON.parse(fs.readFileSync(stampFile(root, name), "utf8"));
  } catch {
    return false;
  }
  return Object.entries(files).every(([p, state]) => fileState(root, p) === state);
}
