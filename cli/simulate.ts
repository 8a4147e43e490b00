// `swarm-medic simulate`: the built-in simulated swarm outside the server.
//   --scenario NAME --record FILE [--duration S] [--seed N]   run on a virtual clock and record NDJSON to replay later
//   --url URL --key KEY [--scenario NAME]                      run in real time as an external agent system: events
//                                                             through the client library, commands through its loop
import fs from "node:fs";
import { CommandLoop, SwarmMedicClient } from "../clients/node";
import { SCENARIO_NAMES, type ScenarioName, SwarmSimulator } from "../lib/simulator/model";
import { note, printResult } from "./output";

/** Options of the simulate command. */
export type SimulateOptions = {
  scenario?: string;
  record?: string;
  duration?: string;
  seed?: string;
  url?: string;
  key?: string;
  json: boolean;
};

function scenarioOf(name: string | undefined): ScenarioName {
  const s = (name ?? "control") as ScenarioName;
  if (!SCENARIO_NAMES.includes(s)) throw new Error(`--scenario must be one of ${SCENARIO_NAMES.join(", ")}`);
  return s;
}

/** Records a scenario on a virtual clock ending now (so the log can be replayed within the 7-day ingest window). */
function record(o: SimulateOptions, scenario: ScenarioName): number {
  const durationMs = Number(o.duration ?? 600) * 1000;
  if (!(durationMs >= 60_000 && durationMs <= 24 * 3_600_000)) throw new Error("--duration must be between 60 and 86400 seconds");
  const start = Date.now() - durationMs;
  const sim = new SwarmSimulator({
    seed: Number(o.seed ?? 1),
    startMs: start,
    schedule: scenario === "control" ? [] : [{ at: Math.round(durationMs / 3), scenario }],
  });
  const out = fs.createWriteStream(o.record!);
  let n = 0;
  for (let t = start + 10_000; t <= start + durationMs; t += 10_000) {
    for (const e of sim.advance(t)) {
      out.write(`${JSON.stringify(e)}\n`);
      n++;
    }
  }
  out.end();
  printResult(o.json, { scenario, file: o.record, events: n, seconds: durationMs / 1000 }, [
    `Recorded ${n} events of scenario "${scenario}" (${durationMs / 1000} s) to ${o.record}.`,
  ]);
  return 0;
}

/** Runs in real time against a server until SIGINT/SIGTERM. */
async function external(o: SimulateOptions, scenario: ScenarioName): Promise<number> {
  const sim = new SwarmSimulator({ seed: Number(o.seed ?? Date.now() % 100_000), startMs: Date.now() });
  const client = new SwarmMedicClient({ url: o.url!, key: o.key!, onError: (e) => note(`events not stored: ${e.message}`) });
  const loop = new CommandLoop({
    url: o.url!,
    key: o.key!,
    handler: async (c) => sim.execute({ id: c.id, kind: c.kind, params: c.params }, Date.now()),
  });
  loop.start();
  const injectAt = Date.now() + 60_000;
  let injected = scenario === "control";
  const timer = setInterval(() => {
    const now = Date.now();
    if (!injected && now >= injectAt) {
      injected = true;
      note(`injecting ${scenario}`);
      sim.inject(scenario, now);
    }
    client.send(sim.advance(now) as unknown as Parameters<SwarmMedicClient["send"]>[0]);
    const s = client.stats();
    note(`sent ${s.sent}, acknowledged ${s.accepted + s.duplicates}, queued ${s.queued}`);
  }, 1_000);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(timer);
  await loop.stop();
  await client.close({ timeoutMs: 10_000 });
  printResult(o.json, client.stats(), [`Stopped: ${JSON.stringify(client.stats())}`]);
  return 0;
}

/** Runs the simulate command. */
export async function simulate(o: SimulateOptions): Promise<number> {
  const scenario = scenarioOf(o.scenario);
  if (o.record) return record(o, scenario);
  if (o.url && o.key) return external(o, scenario);
  throw new Error("simulate needs --record FILE, or --url and --key");
}
