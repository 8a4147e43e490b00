// Architecture rules checked by `npm run lint`: which zone may import which, and no cycles between folders.
// The zones and the reasons are described in docs/architecture.md#layout. Tests, benchmarks and e2e specs are not
// cruised: they may reach into what they test.
const REPO = "^(lib|app|components|cli|clients|bench|test|e2e|scripts|server\\.ts)";

/** A forbidden import: files matching `from` may not import repository files matching `to` (minus `allowed`). */
function zone(name, comment, from, allowed) {
  return { name, comment, severity: "error", from: { path: from }, to: { path: REPO, pathNot: allowed } };
}

module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "Folders form a directed graph: no two folders import each other, directly or through others.",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    zone(
      "contract-is-a-leaf",
      "lib/contract is shared by server, browser, CLI and clients: it imports nothing of ours.",
      "^lib/contract/",
      "^lib/contract/",
    ),
    zone(
      "engine-is-pure",
      "lib/engine is framework-free: it imports only itself and lib/contract.",
      "^lib/engine/",
      "^lib/(engine|contract)/",
    ),
    {
      name: "engine-through-its-index",
      comment: "Outside lib/engine, the engine is used through its one public entry, lib/engine/index.ts.",
      severity: "error",
      from: { pathNot: "^lib/engine/" },
      to: { path: "^lib/engine/", pathNot: "^lib/engine/index\\.ts$" },
    },
    zone(
      "simulator-is-pure",
      "lib/simulator drives the engine's world in memory: engine, contract, itself.",
      "^lib/simulator/",
      "^lib/(engine|contract|simulator)/",
    ),
    zone(
      "browser-not-server",
      "lib/browser runs in the browser: contract, pure engine code and itself, never the server.",
      "^lib/browser/",
      "^lib/(browser|contract|engine)/",
    ),
    zone(
      "components-not-server",
      "components render in the browser: browser, contract, pure engine code, other components.",
      "^components/",
      "^(components|lib/(browser|contract|engine))/",
    ),
    zone(
      "server-not-browser",
      "lib/server is Node-only: it never imports browser code or React components.",
      "^lib/server/",
      "^lib/(server|contract|engine|simulator)/|^package\\.json$",
    ),
    zone(
      "routes-through-http-and-features",
      "API route files stay thin: the route wrapper (server/http), feature services, and the contract.",
      "^app/api/",
      "^lib/(server/(http|features)|contract)/",
    ),
    zone(
      "client-package-standalone",
      "clients/node is a package of its own: it imports nothing from the repository.",
      "^clients/node/",
      "^clients/node/",
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|dist|lib/generated|\\.data|test|e2e|bench)/|\\.test\\.tsx?$|/fake-server\\.ts$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
  },
};
