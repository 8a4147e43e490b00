import { describe, expect, it } from "vitest";
import { liveBanner, livePaused, type LiveStatus } from "./live-status";

describe("livePaused", () => {
  it.each<[LiveStatus, boolean]>([
    ["connecting", false],
    ["live", false],
    ["reconnecting", true],
    ["offline", true],
    ["resyncing", true],
  ])("%s → %s", (status, paused) => expect(livePaused(status)).toBe(paused));
});

describe("liveBanner", () => {
  it.each<[LiveStatus, boolean, "down" | "syncing" | "back" | null]>([
    ["connecting", false, null],
    ["live", false, null],
    ["live", true, "back"],
    ["reconnecting", false, "down"],
    ["offline", true, "down"],
    ["resyncing", false, "syncing"],
    ["resyncing", true, "syncing"],
  ])("%s (just recovered: %s) → %s", (status, justRecovered, tone) => expect(liveBanner(status, justRecovered)?.tone ?? null).toBe(tone));

  it("says plainly that the screen is offline and updates are paused", () => {
    expect(liveBanner("reconnecting", false)?.text).toMatch(/^Offline — live updates paused, reconnecting…/);
  });
});
