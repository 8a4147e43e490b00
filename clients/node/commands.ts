// CommandLoop: the pull side of the coordinator link (docs/contract.md#coordinator-link) — long-poll commands, run them once, post results.
import { CommandRunner, parseCommand } from "./command-runner.js";
import { attempt, authHeaders, baseUrl, HttpError, readJson } from "./http.js";
import { backoffDelay, retryPolicy, sleep, withRetries, type RetryPolicy } from "./retry.js";
import type { BackoffOptions, Command, CommandHandler, CommandResult, FetchLike } from "./types.js";

/** An empty poll that returns faster than this is followed by a pause, so a server that does not hold polls is not hammered. */
const MIN_IDLE_POLL_MS = 1000;
/** Extra time a long-poll may take beyond `waitS` before it is abandoned and retried. */
const POLL_GRACE_MS = 15_000;
/** Longest wait for the answer to one result post. */
const RESULT_TIMEOUT_MS = 15_000;

/** Options of CommandLoop; only `url`, `key` and `handler` are required. */
export type CommandLoopOptions = {
  /** Base URL of the Swarm Medic server. */
  url: string;
  /** Ingest key (`smk_…`) of the swarm whose commands this coordinator runs. */
  key: string;
  /** Runs one command; called once per command id (re-deliveries get the first result). */
  handler: CommandHandler;
  /** Long-poll duration in seconds, 0–60 (default 25). */
  waitS?: number;
  /** Retries of a result post on network errors, 408, 429 and 5xx (default 8). */
  maxRetries?: number;
  /** Backoff for failed polls and result posts (default 250 ms base, 30 s cap). */
  backoff?: BackoffOptions;
  /** How many handled command ids (and results) are remembered for idempotency (default 1000). */
  rememberResults?: number;
  /** fetch implementation (default: the global fetch). */
  fetch?: FetchLike;
  /** Called for failed polls, malformed commands and results that could not be posted (default: process.emitWarning). */
  onError?: (error: Error) => void;
};

/** Long-polls `GET /api/v1/commands`, runs each command in order through the handler and posts its result. */
export class CommandLoop {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly waitS: number;
  private readonly policy: RetryPolicy;
  private readonly runner: CommandRunner;
  private readonly fetchFn: FetchLike;
  private readonly onError: (error: Error) => void;
  private controller: AbortController | undefined;
  private loop: Promise<void> = Promise.resolve();

  constructor(options: CommandLoopOptions) {
    if (!options.key) throw new TypeError("key (an ingest key, smk_…) is required");
    const waitS = options.waitS ?? 25;
    if (!Number.isInteger(waitS) || waitS < 0 || waitS > 60) throw new RangeError("waitS must be an integer in [0, 60]");
    this.base = baseUrl(options.url);
    this.headers = authHeaders(options.key, true);
    this.waitS = waitS;
    this.policy = retryPolicy(options.backoff, options.maxRetries ?? 8);
    this.runner = new CommandRunner(options.handler, options.rememberResults ?? 1000);
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.onError = options.onError ?? ((error) => process.emitWarning(error));
  }

  /** Starts polling (no-op while running); after stop() it may be started again. */
  start(): void {
    if (this.controller && !this.controller.signal.aborted) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = this.loop.then(() => this.run(controller.signal));
  }

  /** Aborts the in-flight poll and resolves once the loop has exited (a running handler is awaited and its result posted once). */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.loop;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const started = Date.now();
      const polled = await attempt(
        this.fetchFn,
        `${this.base}/api/v1/commands?wait=${this.waitS}`,
        { method: "GET", headers: this.headers, signal, timeoutMs: this.waitS * 1000 + POLL_GRACE_MS },
        readJson,
      );
      if (signal.aborted) break;
      if (!polled.ok) {
        this.report(polled.error);
        await sleep(polled.retryAfterMs ?? backoffDelay(Math.min(failures++, 30), this.policy), signal);
        continue;
      }
      failures = 0;
      const commands = this.commandsOf(polled.value);
      for (const command of commands) {
        if (signal.aborted) break;
        await this.handle(command, signal);
      }
      const elapsed = Date.now() - started;
      if (commands.length === 0 && elapsed < MIN_IDLE_POLL_MS) await sleep(MIN_IDLE_POLL_MS - elapsed, signal);
    }
  }

  private commandsOf(body: unknown): Command[] {
    if (body === undefined) return [];
    if (!Array.isArray(body)) {
      this.report(new Error("GET /api/v1/commands did not answer a JSON array"));
      return [];
    }
    const commands: Command[] = [];
    for (const item of body) {
      const command = parseCommand(item);
      if (command) commands.push(command);
      else this.report(new Error(`ignored a malformed command: ${JSON.stringify(item)}`));
    }
    return commands;
  }

  private async handle(command: Command, signal: AbortSignal): Promise<void> {
    const { result } = await this.runner.run(command).outcome;
    await this.postResult(command.id, result, signal);
  }

  // The post itself is not cut by stop() (the command already ran); only the waits between retries are.
  private async postResult(id: string, result: CommandResult, signal: AbortSignal): Promise<void> {
    const url = `${this.base}/api/v1/commands/${encodeURIComponent(id)}/result`;
    const init = { method: "POST", headers: this.headers, body: JSON.stringify(result), timeoutMs: RESULT_TIMEOUT_MS };
    const posted = await withRetries(() => attempt(this.fetchFn, url, init, async () => undefined), this.policy, signal);
    if (posted.ok || (posted.error instanceof HttpError && posted.error.status === 409)) return;
    this.report(new Error(`result of command ${id} not posted: ${posted.error.message}`, { cause: posted.error }));
  }

  private report(error: Error): void {
    try {
      this.onError(error);
    } catch (err) {
      process.emitWarning(err instanceof Error ? err : String(err));
    }
  }
}
