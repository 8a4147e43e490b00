// `npm run build`: the whole production build, always — the server and CLI bundles (dist/) and the type-checked
// Next.js build (.next). `npm start` runs the same steps, without the type check, for the parts that are stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIST_DIR } from "./bundle-stamp.mjs";
import { BUNDLES, buildBundles } from "./build-server.mjs";
import { buildNext } from "./build-next.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
fs.rmSync(path.join(root, DIST_DIR), { recursive: true, force: true });
await buildBundles(Object.keys(BUNDLES), root);
buildNext(root, { typecheck: true });
