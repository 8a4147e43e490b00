// How long the calling thread sat runnable but waiting for a CPU (Linux schedstat: on-CPU ns, run-queue wait ns,
// time slices). On a shared machine this separates the code's own time from the scheduler's.
import fs from "node:fs";

const FILE = "/proc/thread-self/schedstat";
const available = (() => {
  try {
    fs.readFileSync(FILE, "utf8");
    return true;
  } catch {
    return false;
  }
})();

/** The thread's cumulative run-queue wait in ms, or null where the kernel does not report it. */
export function runQueueWaitMs(): number | null {
  if (!available) return null;
  const wait = Number(fs.readFileSync(FILE, "utf8").split(" ")[1]);
  return Number.isFinite(wait) ? wait / 1e6 : null;
}
