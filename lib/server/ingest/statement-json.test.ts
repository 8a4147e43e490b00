// statementJson: what the one-statement ingest write sends for each row — its body, plus only the columns that differ
// from the body's own fields, grouped by swarm and receive time.
import { describe, expect, it } from "vitest";
import { type EventRow, statementJson } from "./event-store";

const T = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
const body = { id: "e1", type: "task_complete", timestamp: T, agent_id: "a1", task_id: "t1", tokens_used: 5 };
const row = (extra: Partial<EventRow> = {}): EventRow => ({
  swarm_id: 1,
  event_id: "e1",
  type: "task_complete",
  ts: T,
  agent_id: "a1",
  task_id: "t1",
  received_at: T + 7,
  body,
  keyed: true,
  ...extra,
});

describe("statementJson", () => {
  it.each([
    { what: "columns equal to the body's fields: the body alone", row: row(), sent: { b: body } },
    {
      what: "a server-generated id: the id, marked unkeyed",
      row: row({ event_id: "uuid-1", keyed: false, body: { ...body, id: undefined } }),
      sent: { b: { ...body, id: undefined }, i: "uuid-1", n: 1 },
    },
    {
      what: "an ISO timestamp in the body: epoch ms beside it",
      row: row({ body: { ...body, timestamp: "2026-12-01T12:00:00.123Z" } }),
      sent: { b: { ...body, timestamp: "2026-12-01T12:00:00.123Z" }, t: T },
    },
    {
      what: "no agent or task in the body and none stored: nothing added",
      row: row({ agent_id: null, task_id: null, body: { id: "e1", type: "task_complete", timestamp: T } }),
      sent: { b: { id: "e1", type: "task_complete", timestamp: T } },
    },
    {
      what: "columns that differ from the body: each one given",
      row: row({ type: "other", agent_id: null, task_id: "t2" }),
      sent: { b: body, y: "other", a: null, k: "t2" },
    },
    {
      what: "a body field of another JSON type: the column given",
      row: row({ body: { ...body, agent_id: 5 }, agent_id: "5" }),
      sent: { b: { ...body, agent_id: 5 }, a: "5" },
    },
  ])("$what", ({ row: r, sent }) => {
    expect(JSON.parse(statementJson([r]))).toEqual([{ s: 1, r: T + 7, e: [JSON.parse(JSON.stringify(sent))] }]);
  });

  it("groups consecutive rows of the same swarm and receive time", () => {
    const rows = [row(), row({ event_id: "e2" }), row({ received_at: T + 8 }), row({ swarm_id: 2, received_at: T + 8 })];
    expect((JSON.parse(statementJson(rows)) as { s: number; r: number; e: unknown[] }[]).map((g) => [g.s, g.r, g.e.length])).toEqual([
      [1, T + 7, 2],
      [1, T + 8, 1],
      [2, T + 8, 1],
    ]);
  });
});
