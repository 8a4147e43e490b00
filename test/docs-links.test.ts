// The repository explains itself: nothing points outside it (to the seed notes it was built from), every
// `docs/<file>.md#<anchor>` reference in code, tests and docs names a file and an anchor that exist, every markdown
// link into a markdown file lands on an existing anchor, and every repository path the docs name exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingSlug, markdownAnchors, readText, repositoryTextFiles } from "./markdown-anchors";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The seed notes' folder as code once referred to it (built here so this file does not mention it itself). */
const OUTSIDE = ["..", "shared"].join("/");
/** Top-level folders whose paths the docs name in backticks. */
const PATH_ROOTS = /^(app|bench|bin|cli|clients|components|docs|e2e|lib|prisma|scripts|test)\//;

const texts = repositoryTextFiles(ROOT)
  .map((file) => ({ file, text: readText(ROOT, file) }))
  .filter((f): f is { file: string; text: string } => f.text !== null);
const markdown = texts.filter((f) => f.file.endsWith(".md"));
const anchorsCache = new Map<string, Set<string> | null>();

/** The anchors of a repository markdown file, or null when it does not exist. */
function anchorsOf(file: string): Set<string> | null {
  if (!anchorsCache.has(file)) {
    const abs = path.join(ROOT, file);
    anchorsCache.set(file, fs.existsSync(abs) ? markdownAnchors(fs.readFileSync(abs, "utf8")) : null);
  }
  return anchorsCache.get(file)!;
}

/** "file: target" for a link whose file or anchor is missing, else null. */
function brokenLink(from: string, file: string, anchor: string, shown: string): string | null {
  const anchors = anchorsOf(file);
  if (anchors === null) return `${from}: ${shown} (no file ${file})`;
  return anchors.has(anchor) ? null : `${from}: ${shown} (no anchor #${anchor} in ${file})`;
}

describe("headingSlug", () => {
  it.each([
    ["D4 · One engine per swarm", "d4--one-engine-per-swarm"],
    ["Prediction: the engine's settings", "prediction-the-engines-settings"],
    ["§4.2 Detection rules", "42-detection-rules"],
    ["Read and act API", "read-and-act-api"],
  ])("%s → %s (GitHub's rule)", (heading, slug) => expect(headingSlug(heading)).toBe(slug));
});

describe("documentation links", () => {
  it("scans the repository's code, tests and docs", () => {
    const files = texts.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining(["README.md", "docs/decisions.md", "lib/engine/swarm-engine.ts", "test/docs-links.test.ts"]),
    );
    expect(files.some((f) => f.startsWith("node_modules/") || f.startsWith("lib/generated/"))).toBe(false);
  });

  it(`no file mentions ${OUTSIDE}`, () => {
    expect(texts.filter((f) => f.text.includes(OUTSIDE)).map((f) => f.file)).toEqual([]);
  });

  it("every docs/<file>.md#<anchor> reference names an existing file and anchor", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { file, text } of texts) {
      for (const m of text.matchAll(/(?<![\w.-])docs\/([\w.-]+\.md)#([\w-]+)/g)) {
        checked++;
        const problem = brokenLink(file, `docs/${m[1]}`, m[2]!, m[0]);
        if (problem) broken.push(problem);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it("every markdown link into a markdown file lands on an existing anchor", () => {
    const broken: string[] = [];
    for (const { file, text } of markdown) {
      for (const m of text.matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)) {
        const target = m[1] ? path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])) : file;
        if (!target.endsWith(".md") || /^[a-z]+:/.test(m[1]!)) continue;
        const problem = brokenLink(file, target, m[2]!, m[0]);
        if (problem) broken.push(problem);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every repository path the docs name in backticks exists", () => {
    const missing: string[] = [];
    for (const { file, text } of markdown.filter((f) => f.file.startsWith("docs/") || f.file === "README.md")) {
      for (const m of text.matchAll(/`([^`\s]+)`/g)) {
        const named = m[1]!.replace(/#.*$/, "");
        if (!PATH_ROOTS.test(named)) continue;
        const wildcard = named.search(/[*<]/);
        const existing = wildcard === -1 ? named : named.slice(0, wildcard).replace(/[^/]*$/, "");
        if (!fs.existsSync(path.join(ROOT, existing))) missing.push(`${file}: ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
