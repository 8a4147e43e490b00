// What a link into a markdown file may point at: explicit `<a id="…">` anchors and GitHub's heading anchors, and the
// repository's text files that may hold such links (for test/docs-links.test.ts).
import fs from "node:fs";
import path from "node:path";

/** Directories never scanned: dependencies, build output, generated code, local data and reports. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  "node_modules",
  ".next",
  "dist",
  ".git",
  ".data",
  "test-results",
  "playwright-report",
  "coverage",
]);

/** Paths (relative to the root, with `/`) never scanned. */
const SKIPPED_PATHS: ReadonlySet<string> = new Set(["lib/generated", "bench/results"]);

/** Files larger than this are not text the repository's authors wrote. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every anchor a markdown text defines: `<a id="…">` (or `name`) and its headings' slugs (duplicates numbered, fenced code ignored). */
export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = headingSlug(heading[1]!.replace(/`/g, ""));
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  return anchors;
}

/** The repository's text files under `root` (relative paths with `/`), outside the skipped directories. */
export function repositoryTextFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(child)) walk(child);
      } else if (entry.isFile() && fs.statSync(path.join(root, child)).size <= MAX_FILE_BYTES) out.push(child);
    }
  };
  walk("");
  return out.sort();
}

/** A file's text, or null when it is binary (holds a NUL byte). */
export function readText(root: string, rel: string): string | null {
  const buf = fs.readFileSync(path.join(root, rel));
  return buf.includes(0) ? null : buf.toString("utf8");
}
