// Types of build-stamp.mjs for the TypeScript callers (the e2e specs that start their own server).

/** Where a build records the fingerprint of the sources it was made from (relative to the repository root). */
export const STAMP_FILE: string;

/** Hash of the paths (relative to the repository root `root`), sizes and modification times of the build inputs. */
export function buildStamp(root?: string): string;

/** Whether everything `npm start` runs in `root` (the Next.js build and the server bundle) is built from the current sources. */
export function builtFrom(root?: string): boolean;
