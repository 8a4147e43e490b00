// `swarm-medic` command dispatch (docs/contract.md#cli). Every command accepts --json.
import { parseArgs } from "node:util";
import { note } from "./output";

const USAGE = `Usage: swarm-medic <command> [options] [--json]

  keys create --swarm NAME [--name LABEL]          create the swarm if needed and a new ingest key
  tokens create --role viewer|operator|admin [--name LABEL]
                                                   create a personal access token for scripts
  users create --email E --role R [--password P]   create a user (a password is generated when omitted)
  replay FILE.ndjson --swarm NAME --url URL --key KEY [--speed N|max]
                                                   post a recorded event log to a running server, keeping its timing
  simulate --scenario NAME --record FILE [--duration S] [--seed N]
                                                   record a simulated fault scenario as NDJSON (virtual clock)
  simulate --url URL --key KEY [--scenario NAME]   run the simulated swarm against a server until Ctrl-C

Uses DATABASE_URL when set, else the embedded Postgres under .data/ (the server's).`;

const OPTIONS = {
  swarm: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  url: { type: "string" },
  key: { type: "string" },
  speed: { type: "string" },
  scenario: { type: "string" },
  record: { type: "string" },
  duration: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    note(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] === "replay" || positionals[0] === "simulate" ? positionals[0] : positionals.join(" ");
  if (values.help || !command) {
    note(USAGE);
    return values.help ? 0 : 2;
  }
  if (!["keys create", "tokens create", "users create", "replay", "simulate"].includes(command)) {
    note(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    if (command === "replay") return await (await import("./replay")).replay({ ...values, file: positionals[1] });
    if (command === "simulate") return await (await import("./simulate")).simulate(values);
    const { keysCreate, tokensCreate, usersCreate } = await import("./admin-commands");
    if (command === "keys create") await keysCreate(values);
    else if (command === "tokens create") await tokensCreate(values);
    else await usersCreate(values);
    return 0;
  } catch (e) {
    const { ZodError } = await import("zod");
    const msg = e instanceof ZodError ? e.issues.map((i) => i.message).join("; ") : (e as Error).message;
    if (values.json) process.stdout.write(`${JSON.stringify({ error: msg })}\n`);
    note(`error: ${msg}`);
    return 1;
  }
}
