// Empty state: how to get a swarm on the board (create a key, send an event with curl).

const CURL = `npx swarm-medic keys create --swarm my-swarm
curl -X POST http://127.0.0.1:3000/api/v1/events \\
  -H "Authorization: Bearer smk_..." -H "Content-Type: application/json" \\
  -d '[{"type":"heartbeat","agent_id":"agent-1","timestamp":"'"$(date -u +%FT%TZ)"'"}]'`;

/** Shown when there is no swarm yet. */
export function FirstEventHelp() {
  return (
    <section className="rounded-xl border border-dashed border-slate-300 p-8 dark:border-slate-700" aria-label="No swarms yet">
      <h2 className="text-lg font-semibold">No swarms yet</h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Create an ingest key for your swarm, then send its events. The swarm appears here as soon as its key exists, and its events/s moves
        live.
      </p>
      <pre className="mt-4 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{CURL}</pre>
    </section>
  );
}
