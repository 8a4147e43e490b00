// Prometheus metrics of one server process through prom-client (the standard Node client; its default metrics
// include event-loop delay, heap and GC): ingest rate and latency, ingest queue depth, engine pass time,
// command states, socket connections, engine outputs waiting to be stored (and their retries and drops). A registry per composed app, so several apps in one test process don't clash.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type pg from "pg";

/** Sources read at scrape time. */
export type MetricSources = { ingestQueueRows: () => number; socketConnections: () => number; engineOutputsQueued: () => number };

/** The process's metrics and the registry that renders them. */
export class ServerMetrics {
  readonly registry = new Registry();
  /** Ingest requests by HTTP status. */
  readonly ingestRequests = new Counter({
    name: "swarm_medic_ingest_requests_total",
    help: "Ingest requests by HTTP status",
    labelNames: ["status"],
    registers: [this.registry],
  });
  /** Events accepted (stored) and duplicates (already stored). */
  readonly ingestEvents = new Counter({
    name: "swarm_medic_ingest_events_total",
    help: "Ingested events by outcome",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  /** Time from request to response on the ingest path. */
  readonly ingestSeconds = new Histogram({
    name: "swarm_medic_ingest_request_seconds",
    help: "Ingest request latency",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  /** Duration of the engine's periodic pass (detection, learning, prediction, ticks) over every swarm. */
  readonly engineTickSeconds = new Histogram({
    name: "swarm_medic_engine_tick_seconds",
    help: "Engine tick pass duration",
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [this.registry],
  });
  /** Failed attempts to store engine outputs (each is retried). */
  readonly engineOutputRetries = new Counter({
    name: "swarm_medic_engine_output_retries_total",
    help: "Failed engine output writes, retried",
    registers: [this.registry],
  });
  /** Engine outputs not stored: this instance does not own the swarm (not_owner, fenced_out), or the queue is full (over_bound). */
  readonly engineOutputsDropped = new Counter({
    name: "swarm_medic_engine_outputs_dropped_total",
    help: "Engine outputs not stored, by reason",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  private sources: MetricSources = { ingestQueueRows: () => 0, socketConnections: () => 0, engineOutputsQueued: () => 0 };

  constructor(pool: pg.Pool) {
    collectDefaultMetrics({ register: this.registry, prefix: "swarm_medic_" });
    const sources = () => this.sources;
    new Gauge({
      name: "swarm_medic_ingest_queue_rows",
      help: "Validated events waiting for a commit",
      registers: [this.registry],
      collect() {
        this.set(sources().ingestQueueRows());
      },
    });
    new Gauge({
      name: "swarm_medic_engine_outputs_queued",
      help: "Engine outputs waiting to be stored",
      registers: [this.registry],
      collect() {
        this.set(sources().engineOutputsQueued());
      },
    });
    new Gauge({
      name: "swarm_medic_socket_connections",
      help: "Connected live-channel sockets",
      registers: [this.registry],
      collect() {
        this.set(sources().socketConnections());
      },
    });
    new Gauge({
      name: "swarm_medic_commands",
      help: "Healing commands by status",
      labelNames: ["status"],
      registers: [this.registry],
      async collect() {
        const { rows } = await pool.query<{ status: string; n: string }>(
          "SELECT status::text AS status, count(*) AS n FROM commands GROUP BY status",
        );
        this.reset();
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
  }

  /** Connects the scrape-time sources (once the HTTP server and socket.io exist). */
  observe(sources: Partial<MetricSources>): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Times `fn` into the engine pass histogram. */
  timeEngineTick(fn: () => void): void {
    const end = this.engineTickSeconds.startTimer();
    try {
      fn();
    } finally {
      end();
    }
  }
}
