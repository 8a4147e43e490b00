#!/usr/bin/env node
// `swarm-medic` CLI entry: runs cli/main.ts through tsx from the package root (same DATA_DIR as the server).
import path from "node:path";
import { fileURLToPath } from "node:url";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
