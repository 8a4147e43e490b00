// bench:loop — the whole product as a user meets it: `npm start`'s server (HTTP ingest, engine, Postgres, socket.io,
// commands) with the built-in demo swarm as the coordinator, run twice at once on two ports and databases — a
// scripted operator approving every proposal, and one rejecting every proposal (`--only approve|reject`: one of
// them) — for --minutes of real time; a latency probe with its background ingest on each server for the whole run
// (`--probe-on`). Prints the measures per fault scenario and in total; writes bench/results/loop-<time>.json. Reads
// state through the public HTTP API and the socket only.
import { parseArgs } from "node:util";
import { postgresServer } from "./loop/database";
import { scenarioTable, type Summary, totalsTable, writeResults } from "./loop/loop-report";
import { disposeRun, driveRun, type PreparedRun, prepareRun, type RunOptions } from "./loop/run";
import { summarize } from "./loop/summarize";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "60" },
    "inject-every": { type: "string", default: "0" },
    only: { type: "string" },
    "probe-on": { type: "string", default: "all" },
    probes: { type: "string", default: "all" },
    "probe-every-ms": { type: "string", default: "2000" },
    "background-events": { type: "string", default: "10000" },
  },
});
const MODES = ["approve", "reject"] as const;
const pick = (v: string | undefined, what: string, allowed: readonly string[]) => {
  if (v !== undefined && !allowed.includes(v)) throw new Error(`${what} must be one of ${allowed.join(", ")} (got ${v})`);
  return v;
};
const only = pick(values.only, "--only", MODES) as (typeof MODES)[number] | undefined;
const probeOn = pick(values["probe-on"], "--probe-on", ["all", "none", ...MODES]);
const modes = only ? [only] : [...MODES];
const probes = values.probes === "all" ? null : Number(values.probes);
const opts: RunOptions = {
  minutes: Number(values.minutes),
  injectEveryS: Number(values["inject-every"]),
  probe:
    probes === 0 || probeOn === "none"
      ? null
      : { probes, everyMs: Number(values["probe-every-ms"]), eventsPerS: Number(values["background-events"]) },
};
const probed = (mode: string) => probeOn === "all" || probeOn === mode;
const log = (line: string) => process.stdout.write(`${line}\n`);

const pg = await postgresServer();
const runs: PreparedRun[] = [];
const cleanup = async () => {
  await Promise.allSettled(runs.map(disposeRun));
  await pg.stop();
};
process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
try {
  const probeText = opts.probe
    ? `latency probe and ${opts.probe.eventsPerS} background events/s on ${
        modes
          .filter(probed)
          .map((m) => `${m}-all`)
          .join(" and ") || "no server"
      } for the whole run`
    : "no latency probe";
  log(
    `bench:loop — ${opts.minutes} min, ${modes.map((m) => `${m}-all`).join(" and ")} server${modes.length > 1 ? "s side by side" : ""}; ${probeText} (Postgres: ${pg.embedded ? "embedded" : "DATABASE_URL"})`,
  );
  // One after the other: the first start may build the dashboard, which the second then reuses.
  for (const mode of modes) runs.push(await prepareRun(pg.url, mode));
  log(`servers up: ${runs.map((r) => `${r.mode} ${r.server.url}`).join(", ")}`);
  const outputs = await Promise.all(runs.map((r) => driveRun(r, { ...opts, probe: probed(r.mode) ? opts.probe : null }, log)));
  const summaries: Summary[] = outputs.map((o) => ({ mode: o.record.mode, ...summarize(o.record, o.probe) }));
  log("\n" + totalsTable(summaries));
  for (const s of summaries) log(`\n${s.mode}-all, per fault scenario:\n${scenarioTable(s)}`);
  for (const o of outputs) {
    log(
      `\n${o.record.mode}-all: ${o.record.faults.length} faults (${o.injected} injected by the bench, ${o.injectRefused} refused), ${o.record.incidents.length} incidents, ${o.record.decisions.length} decisions (${o.operatorRateLimited} rate-limited), ` +
        `${o.record.socket.length} socket messages (${o.socketReconnects} reconnects), ${o.faultPollsFailed} failed fault polls`,
    );
    if (o.probe)
      log(
        `  probe: ${o.probe.latenciesMs.length}/${o.probe.probes} probes seen (${o.probe.lost} lost, ${o.probe.incidentLatenciesMs.length} with an incident), background ${Math.round(o.probe.backgroundEventsPerS)} events/s (${o.probe.backgroundErrors} failed batches)`,
      );
    else log("  no latency probe on this server");
  }
  for (const s of summaries) {
    const lines = [
      ...s.lists.needsOperator.map(([r, n]) => `  needs an operator ×${n}: ${r}`),
      ...s.lists.declined.map(([r, n]) => `  approved, visibly declined ×${n}: ${r}`),
    ];
    if (lines.length) log(`\n${s.mode}-all, reasons:\n${lines.join("\n")}`);
  }
  log("State read through the public HTTP API and socket.io only (no database reads).");
  log(`\nresults: ${writeResults(opts, summaries, outputs)}`);
} finally {
  await cleanup();
}
