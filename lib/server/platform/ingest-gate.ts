// Whether this instance takes new work: open from boot, closed once by the graceful shutdown. New ingest then gets
// 503 + Retry-After, long polls return at once, and the periodic producers (webhook pushes, the demo feed) pause.

/** The open/closed switch of new work, shared by everything that takes it. */
export class IngestGate {
  private open = true;

  /** False once shutting down. */
  get accepting(): boolean {
    return this.open;
  }

  /** Stops taking new work (for good: a stopping instance does not reopen). */
  close(): void {
    this.open = false;
  }
}
