// Types of build-server.mjs for the TypeScript callers (tests that need a current bundle).

/** Builds the bundles `names` (keys of BUNDLES), then stops esbuild's service process so that it does not outlive the build. */
export function buildBundles(names: ("server" | "cli")[], root?: string): Promise<void>;
