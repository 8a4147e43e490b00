import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStorableText, unstorableTextPath } from "./storable-text";

describe("isStorableText", () => {
  it.each([
    ["", true],
    ["plain ascii", true],
    ["emoji 🚀 (a surrogate pair)", true],
    ["accents é and CJK 漢字", true],
    ["nul \u0000 inside", false],
    ["\u0000", false],
    ["lone high \ud800 then text", false],
    ["lone high at the end \ud83d", false],
    ["lone low \udc00 first", false],
    ["reversed pair \ude80\ud83d", false],
  ])("%j → %s", (s, ok) => {
    expect(isStorableText(s)).toBe(ok);
  });

  it("agrees with what survives a UTF-8 round trip without NUL, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const roundTrips = Buffer.from(s, "utf8").toString("utf8") === s;
        expect(isStorableText(s)).toBe(roundTrips && !s.includes("\u0000"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("unstorableTextPath", () => {
  it.each([
    [{ type: "heartbeat", metadata: { a: [1, "ok", { b: "x" }] } }, null],
    [{ agent_id: "a\u0000" }, "agent_id"],
    [{ metadata: { note: "x\ud800" } }, "metadata.note"],
    [{ metadata: { list: ["ok", { deep: "\u0000" }] } }, "metadata.list.1.deep"],
    [{ metadata: { "key\u0000": 1 } }, "metadata.key\u0000"],
    [{ extra_top_level: "\udfff" }, "extra_top_level"],
  ])("%j → %j", (value, path) => {
    expect(unstorableTextPath(value)).toBe(path);
  });
});
