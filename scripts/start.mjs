// `npm start`: build whatever is missing or stale (the Next.js build without its type check, the server and CLI
// bundles), then run the compiled server (dist/server.js) in this process with plain node.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { nextBuiltFrom } from "./build-stamp.mjs";
import { DIST_DIR, bundleBuiltFrom } from "./bundle-stamp.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Next.js telemetry would call home from a machine that may have no route out.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!nextBuiltFrom(root)) {
  process.stdout.write("Building the dashboard (first start or changed sources)…\n");
  (await import("./build-next.mjs")).buildNext(root, { typecheck: false });
}
const { BUNDLES, buildBundles } = await import("./build-server.mjs");
const stale = Object.keys(BUNDLES).filter((name) => !bundleBuiltFrom(root, name));
if (stale.length) await buildBundles(stale, root);
process.env.NODE_ENV = "production";
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, DIST_DIR, "server.js")).href);
