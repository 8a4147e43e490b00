// A test coordinator on the pull side of the coordinator link (docs/contract.md#coordinator-link) that is idempotent the way a real
// receiver must be: it executes each command id at most once and answers a re-delivery with the stored result.

/** A command as delivered by GET /api/v1/commands. */
export type PulledCommand = { id: string; kind: string; params: Record<string, unknown>; issued_at: string; deadline: string };

/** A deduplicating coordinator: every delivery, every execution and every stored result, by command id. */
export class DedupReceiver {
  /** How often each command id was delivered. */
  readonly deliveries = new Map<string, number>();
  /** How often each command id was executed (must stay at 1). */
  readonly executions = new Map<string, number>();
  private readonly results = new Map<string, "succeeded" | "failed">();

  constructor(private readonly key: string) {}

  /** Long-polls `url` until at least one command is delivered; counts the deliveries. */
  async pull(url: string): Promise<PulledCommand[]> {
    for (;;) {
      const res = await fetch(`${url}/api/v1/commands?wait=5`, { headers: { authorization: `Bearer ${this.key}` } });
      if (res.status !== 200) throw new Error(`poll answered ${res.status}`);
      const commands = (await res.json()) as PulledCommand[];
      for (const c of commands) this.deliveries.set(c.id, (this.deliveries.get(c.id) ?? 0) + 1);
      if (commands.length > 0) return commands;
    }
  }

  /** Executes a command unless this id already ran (then the stored result stands); returns the result to report. */
  execute(command: PulledCommand): "succeeded" | "failed" {
    const done = this.results.get(command.id);
    if (done) return done;
    this.executions.set(command.id, (this.executions.get(command.id) ?? 0) + 1);
    this.results.set(command.id, "succeeded");
    return "succeeded";
  }

  /** Reports a command's result to `url`; returns the stored command state. */
  async report(url: string, id: string, status: "succeeded" | "failed"): Promise<{ id: string; status: string }> {
    const res = await fetch(`${url}/api/v1/commands/${id}/result`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.key}`, "content-type": "application/json" },
      body: JSON.stringify({ status, detail: "executed once by the test coordinator" }),
    });
    if (res.status !== 200) throw new Error(`result answered ${res.status}`);
    return (await res.json()) as { id: string; status: string };
  }
}
