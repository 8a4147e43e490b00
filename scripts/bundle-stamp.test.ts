// A bundle is current exactly while dist/<name>.js exists and every file it was bundled from is as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { DIST_DIR, bundleBuiltFrom, writeBundleStamp } from "./bundle-stamp.mjs";

let root: string;
const write = (p: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
  fs.writeFileSync(path.join(root, p), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-stamp-"));
  write("cli/main.ts", "export const a = 1;\n");
  write("lib/x/y.ts", "export const b = 2;\n");
  write(`${DIST_DIR}/cli.js`, "export {};\n");
  writeBundleStamp(root, "cli", ["cli/main.ts", "lib/x/y.ts"]);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

it("is current right after the build and stays so while nothing changes", () => {
  expect(bundleBuiltFrom(root, "cli")).toBe(true);
  expect(bundleBuiltFrom(root, "cli")).toBe(true);
});

it("is stale once an input's content changes", () => {
  write("lib/x/y.ts", "export const b = 3;\n");
  expect(bundleBuiltFrom(root, "cli")).toBe(false);
});

it("is stale once an input moves away (a file the bundle read no longer exists)", () => {
  fs.renameSync(path.join(root, "lib/x/y.ts"), path.join(root, "lib/y.ts"));
  expect(bundleBuiltFrom(root, "cli")).toBe(false);
});

it("is stale when the bundling configuration appears or changes", () => {
  write("tsconfig.json", "{}\n");
  expect(bundleBuiltFrom(root, "cli")).toBe(false);
});

it("is missing without its output, its record, or for another bundle", () => {
  expect(bundleBuiltFrom(root, "server")).toBe(false);
  fs.rmSync(path.join(root, DIST_DIR, "cli.inputs.json"));
  expect(bundleBuiltFrom(root, "cli")).toBe(false);
  writeBundleStamp(root, "cli", ["cli/main.ts"]);
  fs.rmSync(path.join(root, DIST_DIR, "cli.js"));
  expect(bundleBuiltFrom(root, "cli")).toBe(false);
});
