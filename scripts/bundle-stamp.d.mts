// Types of bundle-stamp.mjs for the TypeScript callers (its tests).

/** Where the esbuild bundles go (relative to the repository root). */
export const DIST_DIR: string;

/** Records that bundle `name` (dist/`name`.js) was made from `inputs` (paths relative to `root`) as they are now. */
export function writeBundleStamp(root: string, name: string, inputs: string[]): void;

/** Whether dist/`name`.js exists and every file it was bundled from is unchanged. */
export function bundleBuiltFrom(root: string, name: string): boolean;
