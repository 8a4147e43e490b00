"use client";
// Proposal confidence threshold, guardrails (automatic healings per hour, cooldown per target), target MTTR and how many
// of its intervals an agent may stay silent before it is detected as down.
import { type FormEvent, useState } from "react";
import { type SettingsView, useSaveSettings } from "@/lib/browser/api/settings";
import { fieldErrors, NumberField, numberOrNull, SaveBar, SectionCard } from "./form-controls";

type Draft = { threshold: string; perHour: string; cooldown: string; mttr: string; silence: string };

const draftOf = (s: SettingsView["settings"]): Draft => ({
  threshold: String(s.confidence_threshold),
  perHour: String(s.guardrails.max_heals_per_hour),
  cooldown: String(s.guardrails.cooldown_ms),
  mttr: String(s.target_mttr_ms),
  silence: String(s.silence_intervals),
});

/** The thresholds and limits of a swarm's healing. */
export function TuningSection({ swarm, view, readOnly }: { swarm: string; view: SettingsView; readOnly: boolean }) {
  const [draft, setDraft] = useState(() => draftOf(view.settings));
  const save = useSaveSettings(swarm);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...view.settings,
      confidence_threshold: numberOrNull(draft.threshold),
      guardrails: { max_heals_per_hour: numberOrNull(draft.perHour), cooldown_ms: numberOrNull(draft.cooldown) },
      target_mttr_ms: numberOrNull(draft.mttr),
      silence_intervals: numberOrNull(draft.silence),
    } as unknown as SettingsView["settings"];
    save.mutate(body, { onSuccess: (v) => setDraft(draftOf(v.settings)) });
  };
  const field = (
    id: string,
    label: string,
    key: keyof Draft,
    path: string,
    hint: string,
    bounds: { min: number; max: number; step: number },
  ) => (
    <NumberField
      id={id}
      label={label}
      hint={hint}
      errors={fieldErrors(save.error, path)}
      value={draft[key]}
      onChange={set(key)}
      bounds={bounds}
    />
  );

  return (
    <SectionCard
      id="tuning"
      title="Thresholds and guardrails"
      description="When predictions become proposals, how much automatic healing is allowed, the recovery time the health score aims for, and how long a silent agent is given before it counts as down."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">Thresholds and guardrails</legend>
          {field(
            "confidence-threshold",
            "Proposal confidence threshold",
            "threshold",
            "confidence_threshold",
            `0 to 1; default ${view.defaults.confidence_threshold}`,
            { min: 0, max: 1, step: 0.01 },
          )}
          {field(
            "max-heals",
            "Max automatic healings per hour",
            "perHour",
            "guardrails.max_heals_per_hour",
            `default ${view.defaults.guardrails.max_heals_per_hour}`,
            { min: 0, max: 10_000, step: 1 },
          )}
          {field(
            "cooldown",
            "Cooldown per target (ms)",
            "cooldown",
            "guardrails.cooldown_ms",
            `default ${view.defaults.guardrails.cooldown_ms}`,
            { min: 0, max: 86_400_000, step: 1000 },
          )}
          {field("target-mttr", "Target MTTR (ms)", "mttr", "target_mttr_ms", `default ${view.defaults.target_mttr_ms}`, {
            min: 1,
            max: 86_400_000,
            step: 100,
          })}
          {field(
            "silence-intervals",
            "Silent intervals before an agent is down",
            "silence",
            "silence_intervals",
            `2 to 20 of the agent's own interval (learned from its heartbeats, else its activity); default ${view.defaults.silence_intervals}`,
            { min: 2, max: 20, step: 1 },
          )}
        </fieldset>
        {!readOnly && <SaveBar label="Save thresholds" state={save} testId="save-tuning" />}
      </form>
    </SectionCard>
  );
}
