"use client";
// How long the swarm's raw events and its history (rollups for charts and analytics, and the bottleneck, prediction,
// failure, healing and command records) are kept; enforced by dropping partitions.
import { type FormEvent, useState } from "react";
import { type SettingsView, useSaveSettings } from "@/lib/browser/api/settings";
import { fieldErrors, NumberField, numberOrNull, SaveBar, SectionCard } from "./form-controls";

type Draft = { events: string; history: string };

const draftOf = (s: SettingsView["settings"]): Draft => ({
  events: String(s.events_retention_days),
  history: String(s.history_retention_days),
});

/** The swarm's retention of raw events and of history, in days (the server default unless set here). */
export function RetentionSection({ swarm, view, readOnly }: { swarm: string; view: SettingsView; readOnly: boolean }) {
  const [draft, setDraft] = useState(() => draftOf(view.settings));
  const save = useSaveSettings(swarm);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...view.settings,
      events_retention_days: numberOrNull(draft.events),
      history_retention_days: numberOrNull(draft.history),
    } as unknown as SettingsView["settings"];
    save.mutate(body, { onSuccess: (v) => setDraft(draftOf(v.settings)) });
  };
  const field = (id: string, label: string, key: keyof Draft, path: "events_retention_days" | "history_retention_days", hint: string) => (
    <NumberField
      id={id}
      label={label}
      hint={`${hint}; default ${view.defaults[path]}`}
      errors={fieldErrors(save.error, path)}
      value={draft[key]}
      onChange={set(key)}
      bounds={{ min: 1, max: 3650, step: 1 }}
    />
  );

  return (
    <SectionCard
      id="retention"
      title="Data retention"
      description="Older data is removed a whole day (raw events) or month (history: charts, analytics and the bottleneck, prediction, failure, healing and command records) at a time. A change applies to data stored from the next day and month on; data stored before stays until neither this swarm nor any other sharing its storage still needs it."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">Data retention</legend>
          {field("events-retention", "Raw events (days)", "events", "events_retention_days", "1 to 3650")}
          {field(
            "history-retention",
            "History: charts, analytics and healings (days)",
            "history",
            "history_retention_days",
            "at least the events retention",
          )}
        </fieldset>
        {!readOnly && <SaveBar label="Save retention" state={save} testId="save-retention" />}
      </form>
    </SectionCard>
  );
}
