// Per-phase CPU accounting from /proc (Linux, local Postgres): the app child, this process (load generator and
// COPY client), the Postgres processes of the bench database plus its shared helpers, and the whole machine,
// so a figure can be read against who actually got the (shared, noisy) cores. Best effort: null elsewhere.
import fs from "node:fs";
import os from "node:os";
import type pg from "pg";

const TICKS_PER_S = 100; // USER_HZ, the unit of /proc/stat and /proc/<pid>/stat on Linux

/** CPU counters at one instant. */
export type CpuSnapshot = { at: number; machineBusy: number; steal: number; app: number; loadgen: number; postgres: Map<number, number> };

/** Average cores used during a phase, by whom ("other" = everything else on the machine), and the cores the
 * hypervisor took from this virtual machine for others (`steal`: time our runnable processes could not run). */
export type CpuUsage = { cores: number; machine: number; app: number; loadgen: number; postgres: number; other: number; steal: number };

function procTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; steal: number } {
  // cpu  user nice system idle iowait irq softirq steal …: busy = all but idle, iowait and steal
  const t = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  return { busy: t.reduce((sum, v, i) => (i === 3 || i === 4 || i === 7 ? sum : sum + v), 0), steal: t[7] ?? 0 };
}

/** Reads the counters; null when /proc is unavailable. */
export async function cpuSnapshot(pool: pg.Pool, appPid?: number): Promise<CpuSnapshot | null> {
  if (!fs.existsSync("/proc/stat")) return null;
  const { rows } = await pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL",
  );
  const machine = machineTicks();
  return {
    at: performance.now(),
    machineBusy: machine.busy,
    steal: machine.steal,
    app: appPid ? procTicks(appPid) : 0,
    loadgen: procTicks(process.pid),
    postgres: new Map(rows.map((r) => [r.pid, procTicks(r.pid)])),
  };
}

/** Average cores per consumer between two snapshots (Postgres processes that appeared in between count from 0). */
export function cpuUsage(a: CpuSnapshot | null, b: CpuSnapshot | null): CpuUsage | null {
  if (!a || !b) return null;
  const s = (b.at - a.at) / 1000;
  const cores = (ticks: number) => Math.round((100 * ticks) / TICKS_PER_S / s) / 100;
  let pgTicks = 0;
  for (const [pid, t] of b.postgres) pgTicks += t - (a.postgres.get(pid) ?? 0);
  const usage = {
    machine: cores(b.machineBusy - a.machineBusy),
    steal: cores(b.steal - a.steal),
    app: cores(b.app - a.app),
    loadgen: cores(b.loadgen - a.loadgen),
    postgres: cores(pgTicks),
  };
  return {
    cores: os.cpus().length,
    ...usage,
    other: Math.max(0, Math.round(100 * (usage.machine - usage.app - usage.loadgen - usage.postgres)) / 100),
  };
}

/** CPU microseconds per unit of work (event, row or request) at `perS` units per second, per consumer. */
export function cpuPerUnit(u: CpuUsage | null, perS: number): { app: number; postgres: number; loadgen: number } | null {
  if (!u || perS <= 0) return null;
  const us = (cores: number) => Math.round((cores / perS) * 1e7) / 10;
  return { app: us(u.app), postgres: us(u.postgres), loadgen: us(u.loadgen) };
}

/** One line for the progress log. */
export function cpuLine(u: CpuUsage | null): string {
  if (!u) return "CPU: n/a";
  return `CPU (cores of ${u.cores}): machine ${u.machine} = app ${u.app} + Postgres ${u.postgres} + load generator ${u.loadgen} + other ${u.other}; stolen by the host ${u.steal}`;
}
