// Receiver-side idempotency for commands: each command id runs the handler once; re-deliveries get the first result.
import { isRecord } from "./http.js";
import { asError } from "./retry.js";
import type { Command, CommandHandler, CommandResult } from "./types.js";

/** How a handler run ended: its result, and whether the handler threw (or returned something that is not a result). */
export type HandledCommand = { result: CommandResult; crashed: boolean };

/** A run looked up by command id: `replayed` is true when an earlier (possibly still running) run was reused. */
export type CommandRun = { outcome: Promise<HandledCommand>; replayed: boolean };

/** Bounded LRU of command ids → outcomes, shared by the pull loop and the webhook handler. */
export class CommandRunner {
  private readonly runs = new Map<string, Promise<HandledCommand>>();

  constructor(
    private readonly handler: CommandHandler,
    private readonly capacity = 1000,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("the remembered-results capacity must be an integer >= 1");
  }

  /** Runs the handler for a new id, or returns the outcome of the first run for an id seen before. */
  run(command: Command): CommandRun {
    const known = this.runs.get(command.id);
    if (known) {
      this.runs.delete(command.id);
      this.runs.set(command.id, known);
      return { outcome: known, replayed: true };
    }
    const outcome = runHandler(this.handler, command);
    this.runs.set(command.id, outcome);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.capacity) break;
      this.runs.delete(oldest);
    }
    return { outcome, replayed: false };
  }
}

/** Calls the handler and normalises its answer; a throw becomes `{status: "failed", detail: <message>}`. */
export async function runHandler(handler: CommandHandler, command: Command): Promise<HandledCommand> {
  try {
    const answer: unknown = await handler(command);
    if (!isRecord(answer) || (answer.status !== "succeeded" && answer.status !== "failed")) {
      return { result: { status: "failed", detail: 'handler returned no {status: "succeeded"|"failed"}' }, crashed: true };
    }
    const result: CommandResult = { status: answer.status };
    if (answer.detail !== undefined) result.detail = String(answer.detail);
    return { result, crashed: false };
  } catch (err) {
    return { result: { status: "failed", detail: asError(err).message }, crashed: true };
  }
}

/** Validates a command from the server (id and kind required); undefined when it is not one. */
export function parseCommand(value: unknown): Command | undefined {
  if (!isRecord(value) || typeof value.id !== "string" || value.id === "" || typeof value.kind !== "string") return undefined;
  return {
    id: value.id,
    kind: value.kind,
    params: isRecord(value.params) ? value.params : {},
    issued_at: typeof value.issued_at === "string" ? value.issued_at : "",
    deadline: typeof value.deadline === "string" ? value.deadline : "",
  };
}
