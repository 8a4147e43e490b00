// bench:loop — the whole product as a user meets it: `npm start`'s server (HTTP ingest, engine, Postgres, socket.io,
// commands) with the built-in demo swarm as the coordinator, run twice at once on two ports and databases — a
// scripted operator approving every proposal, and one rejecting every proposal — for --minutes of real time; a
// latency probe beside the approve-all run. Prints the measures per fault scenario and in total; writes
// bench/results/loop-<time>.json. Reads state through the public HTTP API and the socket only.
import { parseArgs } from "node:util";
import { postgresServer } from "./loop/database";
import { scenarioTable, type Summary, totalsTable, writeResults } from "./loop/loop-report";
import { disposeRun, driveRun, type PreparedRun, prepareRun, type RunOptions } from "./loop/run";
import { summarize } from "./loop/summarize";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "60" },
    "inject-every": { type: "string", default: "0" },
    probes: { type: "string", default: "120" },
    "probe-every-ms": { type: "string", default: "2000" },
    "background-events": { type: "string", default: "10000" },
  },
});
const probes = Number(values.probes);
const opts: RunOptions = {
  minutes: Number(values.minutes),
  injectEveryS: Number(values["inject-every"]),
  probe: probes > 0 ? { probes, everyMs: Number(values["probe-every-ms"]), eventsPerS: Number(values["background-events"]) } : null,
};
const log = (line: string) => process.stdout.write(`${line}\n`);

const pg = await postgresServer();
const runs: PreparedRun[] = [];
const cleanup = async () => {
  await Promise.allSettled(runs.map(disposeRun));
  await pg.stop();
};
process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
try {
  log(`bench:loop — ${opts.minutes} min, approve-all and reject-all servers side by side (Postgres: ${pg.embedded ? "embedded" : "DATABASE_URL"})`);
  // One after the other: the first start may build the dashboard, which the second then reuses.
  runs.push(await prepareRun(pg.url, "approve"));
  runs.push(await prepareRun(pg.url, "reject"));
  log(`servers up: ${runs.map((r) => `${r.mode} ${r.server.url}`).join(", ")}`);
  const outputs = await Promise.all(runs.map((r, i) => driveRun(r, { ...opts, probe: i === 0 ? opts.probe : null }, log)));
  const summaries: Summary[] = outputs.map((o) => ({ mode: o.record.mode, ...summarize(o.record, o.probe?.latenciesMs ?? null) }));
  log("\n" + totalsTable(summaries));
  for (const s of summaries) log(`\n${s.mode}-all, per fault scenario:\n${scenarioTable(s)}`);
  for (const o of outputs) {
    log(`\n${o.record.mode}-all: ${o.record.faults.length} faults (${o.injected} injected by the bench, ${o.injectRefused} refused), ${o.record.decisions.length} decisions (${o.operatorRateLimited} rate-limited), ` +
      `${o.record.socket.length} socket messages (${o.socketReconnects} reconnects), ${o.faultPollsFailed} failed fault polls`);
    if (o.probe) log(`  probe: ${o.probe.latenciesMs.length}/${o.probe.probes} probes seen (${o.probe.lost} lost), background ${Math.round(o.probe.backgroundEventsPerS)} events/s (${o.probe.backgroundErrors} failed batches)`);
  }
  log("State read through the public HTTP API and socket.io only (no database reads).");
  log(`\nresults: ${writeResults(opts, summaries, outputs)}`);
} finally {
  await cleanup();
}
