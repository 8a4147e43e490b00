// This machine's npm registry serves only this platform's optional binaries (others answer 404), so
// `npm install` leaves them out of package-lock.json and `npm ci` then rejects the lock file ("Missing: …").
// This adds the missing optional platform packages with the os/cpu/libc their names state, so `npm ci`
// sees a complete lock file and skips them as incompatible, as it would with a lock made elsewhere.
// Run after `npm install` changes the lock file: `node scripts/complete-lockfile.mjs`.
import fs from "node:fs";

const OS = ["darwin", "linux", "win32", "android", "freebsd", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "riscv64", "s390x", "loong64", "mips64el", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.some((p) => p.startsWith("musl")) ? "musl" : parts.some((p) => p.startsWith("gnu")) ? "glibc" : undefined;
  if (!cpu) throw new Error(`cannot tell the platform of optional package ${name}`);
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc && os === "linux" ? { libc: [libc] } : {}) };
}

const file = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    const version = range.replace(/^[\^~=]/, "");
    lock.packages[`node_modules/${dep}`] = { version, optional: true, ...platformOf(dep) };
    added.push(`${dep}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
process.stdout.write(
  added.length ? `added ${added.length} optional platform packages:\n  ${added.join("\n  ")}\n` : "lock file already complete\n",
);
