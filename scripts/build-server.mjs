// Compiles the custom server (server.ts) and the CLI (cli/main.ts), with the repository code they import, to ESM
// JavaScript in dist/ with esbuild: node_modules stay external, the `@/` alias comes from tsconfig.json, source maps
// sit beside each file.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { DIST_DIR, writeBundleStamp } from "./bundle-stamp.mjs";

/**
 * The bundles: entry file and whether its dynamic imports become chunks of their own (the CLI's commands, so that
 * `--help` never loads Prisma or pg; the server loads everything at start anyway).
 */
export const BUNDLES = {
  server: { entry: "server.ts", split: false },
  cli: { entry: "cli/main.ts", split: true },
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Writes `file` so that a reader sees either the old or the new content, never half of it. */
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Removes the files in `dir` that the latest build of its bundle did not write. */
function removeStaleChunks(dir, written) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (!written.has(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
}

/** Bundles `name` (a key of BUNDLES) from the repository at `root` into dist/`name`.js and records its inputs. */
async function buildBundle(name, root) {
  const { entry, split } = BUNDLES[name];
  const outdir = path.join(root, DIST_DIR);
  const chunkDir = path.join(outdir, `${name}-chunks`);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    splitting: split,
    chunkNames: `${name}-chunks/[name]-[hash]`,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  // Chunks first and the entry last: a process starting meanwhile loads either the old entry or a complete new one.
  const entryFile = path.join(outdir, `${name}.js`);
  const files = [...result.outputFiles].sort((a, b) => Number(a.path.startsWith(entryFile)) - Number(b.path.startsWith(entryFile)));
  for (const f of files) writeAtomically(f.path, f.contents);
  removeStaleChunks(chunkDir, new Set(files.map((f) => f.path)));
  writeBundleStamp(root, name, Object.keys(result.metafile.inputs));
}

/** Builds the bundles `names` (keys of BUNDLES), then stops esbuild's service process so that it does not outlive the build. */
export async function buildBundles(names, root = ROOT) {
  try {
    for (const name of names) await buildBundle(name, root);
  } finally {
    await esbuild.stop();
  }
}
