// A fingerprint of everything the Next.js build depends on, so `npm start` rebuilds only when needed.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function walk(p, out) {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (name !== "generated" && name !== "node_modules") walk(path.join(p, name), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

/** Hash of the paths, sizes and modification times of the build inputs. */
export function buildStamp() {
  const files = [];
  for (const r of ROOTS) walk(r, files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}
