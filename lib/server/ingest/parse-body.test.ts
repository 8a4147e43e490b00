import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST, parseBody } from "./parse-body";

const ndjson = (lines: string[]) => lines.join("\n");
const events = (count: number) => Array.from({ length: count }, (_, i) => ({ type: "x", id: String(i) }));
const eventLines = (count: number) => events(count).map((event) => JSON.stringify(event));

describe("content type", () => {
  it.each([undefined, null, "", "application/json", "Application/JSON; charset=utf-8", " application/json ;charset=UTF-8"])(
    "%j is parsed as JSON",
    (contentType) => {
      expect(parseBody('[{"type":"a"}]', contentType)).toEqual({ ok: true, items: [{ type: "a" }] });
    },
  );

  it.each(["application/x-ndjson", "application/ndjson", "application/x-ndjson; charset=utf-8", "APPLICATION/NDJSON"])(
    "%j is parsed as NDJSON",
    (contentType) => {
      expect(parseBody('{"type":"a"}\n{"type":"b"}', contentType)).toEqual({
        ok: true,
        items: [{ type: "a" }, { type: "b" }],
      });
    },
  );

  it.each(["text/plain", "application/x-www-form-urlencoded"])("%j (curl's default) is read as JSON", (contentType) => {
    expect(parseBody('[{"type":"a"}]', contentType)).toEqual({ ok: true, items: [{ type: "a" }] });
  });

  it("application/jsonl is parsed as NDJSON", () => {
    expect(parseBody('{"type":"a"}\n{"type":"b"}', "application/jsonl")).toEqual({ ok: true, items: [{ type: "a" }, { type: "b" }] });
  });

  it.each(["application/xml", "text/json", "text/html", "multipart/form-data; boundary=x"])("%j is unsupported", (contentType) => {
    const result = parseBody("[]", contentType);
    expect(result).toMatchObject({ ok: false, kind: "unsupported_media_type" });
    expect(!result.ok && result.message).toContain(contentType.split(";")[0]);
  });
});

describe("JSON bodies", () => {
  it.each<[string, string, unknown[]]>([
    ["an array", '[{"type":"a"},{"type":"b"}]', [{ type: "a" }, { type: "b" }]],
    ["an envelope", '{"events":[{"type":"a"}]}', [{ type: "a" }]],
    ["an envelope with other keys", '{"source":"s","events":[{"type":"a"}]}', [{ type: "a" }]],
    ["an empty array", "[]", []],
    ["an array of non-objects (left to validation)", "[1,null]", [1, null]],
  ])("accepts %s", (_label, body, items) => {
    expect(parseBody(body, "application/json")).toEqual({ ok: true, items });
  });

  it.each(['{"type":"a"}', '{"events":{}}', '{"events":null}', '"events"', "42", "null", "true"])(
    "rejects %j as neither an array nor an events envelope",
    (body) => {
      expect(parseBody(body, "application/json")).toEqual({
        ok: false,
        kind: "malformed",
        message: 'body must be a JSON array of events or an object with an "events" array',
      });
    },
  );

  it.each(['[{"type":"a"}', "", "not json", "[1,]"])("rejects invalid JSON %j", (body) => {
    const result = parseBody(body, "application/json");
    expect(result).toMatchObject({ ok: false, kind: "malformed" });
    expect(!result.ok && result.message).toMatch(/^invalid JSON: /);
  });

  it("accepts exactly the event limit", () => {
    const result = parseBody(JSON.stringify(events(MAX_EVENTS_PER_REQUEST)), "application/json");
    expect(result.ok && result.items.length).toBe(MAX_EVENTS_PER_REQUEST);
  });

  it.each([
    ["an array", JSON.stringify(events(MAX_EVENTS_PER_REQUEST + 1))],
    ["an envelope", JSON.stringify({ events: events(MAX_EVENTS_PER_REQUEST + 1) })],
  ])("reports too_large for %s over the event limit", (_label, body) => {
    expect(parseBody(body, "application/json")).toMatchObject({ ok: false, kind: "too_large" });
  });
});

describe("NDJSON bodies", () => {
  it.each<[string, string, unknown[]]>([
    ["blank and whitespace-only lines", '\n{"type":"a"}\n\n   \n{"type":"b"}\n', [{ type: "a" }, { type: "b" }]],
    ["CRLF line endings", '{"type":"a"}\r\n{"type":"b"}\r\n', [{ type: "a" }, { type: "b" }]],
    ["no trailing newline", '{"type":"a"}', [{ type: "a" }]],
    ["an empty body", "", []],
    ["non-object lines (left to validation)", '5\n["x"]', [5, ["x"]]],
  ])("handles %s", (_label, body, items) => {
    expect(parseBody(body, "application/x-ndjson")).toEqual({ ok: true, items });
  });

  it.each<[string, number]>([
    ['{"type":"a"}\n{bad', 2],
    ['{"type":"a"}\n\n\n{"type":', 4],
    ["oops", 1],
  ])("reports the line number of invalid JSON in %j", (body, line) => {
    const result = parseBody(body, "application/x-ndjson");
    expect(result).toMatchObject({ ok: false, kind: "malformed" });
    expect(!result.ok && result.message).toMatch(new RegExp(`^invalid JSON on line ${line}: `));
  });

  it("accepts exactly the event limit, ignoring blank lines", () => {
    const result = parseBody(ndjson(eventLines(MAX_EVENTS_PER_REQUEST)).replaceAll("\n", "\n\n"), "application/x-ndjson");
    expect(result.ok && result.items.length).toBe(MAX_EVENTS_PER_REQUEST);
  });

  it("reports too_large once the limit is exceeded, before parsing further lines", () => {
    const body = ndjson([...eventLines(MAX_EVENTS_PER_REQUEST), "{not json"]);
    expect(parseBody(body, "application/x-ndjson")).toMatchObject({ ok: false, kind: "too_large" });
  });
});

describe("raw bytes", () => {
  it("parses a Buffer", () => {
    expect(parseBody(Buffer.from('[{"type":"é"}]'), "application/json")).toEqual({ ok: true, items: [{ type: "é" }] });
  });

  it.each([
    ["a Buffer", Buffer.from('\uFEFF[{"type":"a"}]')],
    ["a string", '\uFEFF[{"type":"a"}]'],
  ])("strips a byte-order mark from %s", (_label, body) => {
    expect(parseBody(body, "application/json")).toEqual({ ok: true, items: [{ type: "a" }] });
  });

  it("rejects invalid UTF-8", () => {
    expect(parseBody(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]), "application/json")).toEqual({
      ok: false,
      kind: "malformed",
      message: "body is not valid UTF-8",
    });
  });

  it("accepts a body of exactly MAX_BODY_BYTES", () => {
    const body = `[${" ".repeat(MAX_BODY_BYTES - 2)}]`;
    expect(parseBody(body, "application/json")).toEqual({ ok: true, items: [] });
  });

  it.each([
    ["an ASCII string", `[${" ".repeat(MAX_BODY_BYTES - 1)}]`],
    ["a multi-byte string shorter in characters than the limit", `["${"é".repeat(MAX_BODY_BYTES / 2)}"]`],
    ["a Buffer", Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)],
  ])("reports too_large for %s over MAX_BODY_BYTES", (_label, body) => {
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES + 1);
    expect(parseBody(body, "application/json")).toMatchObject({ ok: false, kind: "too_large" });
  });
});
