// COPY text fields: what Postgres reads back is exactly the value written.
import { describe, expect, it } from "vitest";
import { copyField, copyJson } from "./copy-text";

describe("copyField", () => {
  it.each([
    ["plain", "plain"],
    ["tab\there", "tab\\there"],
    ["line\nbreak\r", "line\\nbreak\\r"],
    ["back\\slash", "back\\\\slash"],
    ["\\N", "\\\\N"],
    ["emoji 🦀 and é", "emoji 🦀 and é"],
  ])("%j → %j", (value, field) => expect(copyField(value)).toBe(field));

  it("NULL is \\N", () => expect(copyField(null)).toBe("\\N"));

  it("refuses a lone surrogate instead of letting it be replaced", () => {
    expect(() => copyField("a\uD800b")).toThrow(/surrogate/);
    expect(() => copyField("\uDC00")).toThrow(/surrogate/);
  });
});

describe("copyJson", () => {
  it("doubles the backslashes of JSON escapes and leaves the rest", () => {
    expect(copyJson({ a: 'q"\n\t\\', b: 1 })).toBe('{"a":"q\\\\"\\\\n\\\\t\\\\\\\\","b":1}');
    expect(copyJson({ a: "plain" })).toBe('{"a":"plain"}');
  });
});
