#!/usr/bin/env node
// `swarm-medic` CLI entry: runs the compiled CLI (dist/cli.js) from the package root (same DATA_DIR as the server),
// bundling it first when it is missing or its sources changed.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DIST_DIR, bundleBuiltFrom } from "../scripts/bundle-stamp.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
if (!bundleBuiltFrom(root, "cli")) await (await import("../scripts/build-server.mjs")).buildBundles(["cli"], root);
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(path.join(root, DIST_DIR, "cli.js")).href);
process.exitCode = await main(process.argv.slice(2));
