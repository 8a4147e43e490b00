// Retention settings: server defaults, effective values, storing only real overrides, and history ≥ events.
import { describe, expect, it } from "vitest";
import { fillRetention, normalizeRetention, retentionDefaults, retentionErrors } from "./retention-settings";
import { SETTINGS_DEFAULTS, swarmSettingsSchema } from "./swarm-settings";

const defaults = { events_retention_days: 30, history_retention_days: 400 };

describe("retention settings", () => {
  it("defaults come from RETENTION_DAYS and HISTORY_RETENTION_DAYS", () => {
    expect(retentionDefaults({ RETENTION_DAYS: 14, HISTORY_RETENTION_DAYS: 90 } as Parameters<typeof retentionDefaults>[0])).toEqual({
      events_retention_days: 14,
      history_retention_days: 90,
    });
  });

  it("fills the effective days and stores only values that differ from the default", () => {
    expect(fillRetention(SETTINGS_DEFAULTS, defaults)).toMatchObject(defaults);
    expect(fillRetention({ ...SETTINGS_DEFAULTS, events_retention_days: 7 }, defaults)).toMatchObject({
      events_retention_days: 7,
      history_retention_days: 400,
    });
    expect(normalizeRetention({ ...SETTINGS_DEFAULTS, ...defaults }, defaults)).toEqual(SETTINGS_DEFAULTS);
    expect(normalizeRetention({ ...SETTINGS_DEFAULTS, events_retention_days: 30, history_retention_days: 500 }, defaults)).toEqual({
      ...SETTINGS_DEFAULTS,
      history_retention_days: 500,
    });
  });

  it.each([
    { s: { events_retention_days: 400 }, errors: [] },
    { s: { events_retention_days: 401 }, errors: ["history_retention_days"] },
    { s: { history_retention_days: 29 }, errors: ["history_retention_days"] },
    { s: { events_retention_days: 5, history_retention_days: 5 }, errors: [] },
  ])("history ≥ events on the effective values: $s", ({ s, errors }) => {
    expect(retentionErrors(swarmSettingsSchema.parse(s), defaults).map((e) => e.path)).toEqual(errors);
  });

  it("accepts whole days from 1 to 3650 only", () => {
    for (const days of [0, 3651, 1.5]) expect(swarmSettingsSchema.safeParse({ events_retention_days: days }).success).toBe(false);
    for (const days of [1, 3650]) expect(swarmSettingsSchema.safeParse({ history_retention_days: days }).success).toBe(true);
  });
});
