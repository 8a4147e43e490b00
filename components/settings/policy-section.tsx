"use client";
// Healing policy per failure type (detected / preventive: auto, approve, off), whether its proposals need two
// approvers, and its strategy chain; saved together.
import { type FormEvent, useState } from "react";
import { type SettingsView, type SwarmSettings, useSaveSettings } from "@/lib/browser/api/settings";
import { fieldErrors, inputClass, SaveBar, SectionCard } from "./form-controls";
import { StrategyChain } from "./strategy-chain";

type Policy = SwarmSettings["policy"]["detected"][string];
const POLICIES: Policy[] = ["auto", "approve", "off"];

/** The policy and strategy-chain table of a swarm. */
export function PolicySection({ swarm, view, readOnly }: { swarm: string; view: SettingsView; readOnly: boolean }) {
  const [policy, setPolicy] = useState(view.settings.policy);
  const [strategies, setStrategies] = useState(view.settings.strategies);
  const [twoPerson, setTwoPerson] = useState(new Set(view.settings.two_person_approval));
  const save = useSaveSettings(swarm);
  const availableFor = (type: string) => view.strategies.filter((s) => s.failure_types.includes(type)).map((s) => s.name);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...view.settings, policy, strategies, two_person_approval: [...twoPerson] },
      { onSuccess: (v) => (setPolicy(v.settings.policy), setStrategies(v.settings.strategies), setTwoPerson(new Set(v.settings.two_person_approval))) },
    );
  };
  const toggleTwoPerson = (type: string, on: boolean) =>
    setTwoPerson((s) => {
      const next = new Set(s);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const setOne = (trigger: "detected" | "preventive", type: string, value: Policy) => setPolicy((p) => ({ ...p, [trigger]: { ...p[trigger], [type]: value } }));

  return (
    <SectionCard
      id="policy"
      title="Healing policy and strategies"
      description="Per failure type: what happens when a failure is detected or predicted (auto heals at once, approve waits for an operator, off does nothing), whether a proposal is high-risk and needs two different approvers, and the strategies tried in order, each falling back to the next."
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <fieldset disabled={readOnly} className="overflow-x-auto">
          <legend className="sr-only">Policies and strategy chains</legend>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Failure type</th>
                <th scope="col" className="py-2 pr-3 font-medium">Detected</th>
                <th scope="col" className="py-2 pr-3 font-medium">Predicted</th>
                <th scope="col" className="py-2 pr-3 font-medium">Two approvers</th>
                <th scope="col" className="py-2 font-medium">Strategy chain</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {view.failure_types.map((type) => (
                <tr key={type} data-testid={`policy-row-${type}`} className="align-top">
                  <th scope="row" className="py-2 pr-3 font-mono text-xs font-medium">
                    {type}
                    {fieldErrors(save.error, `policy.detected.${type}`).concat(fieldErrors(save.error, `strategies.${type}`)).map((m) => (
                      <p key={m} className="mt-1 font-sans text-xs font-normal text-rose-600 dark:text-rose-400">
                        {m}
                      </p>
                    ))}
                  </th>
                  {(["detected", "preventive"] as const).map((trigger) => (
                    <td key={trigger} className="py-2 pr-3">
                      <select
                        aria-label={`${trigger === "detected" ? "Detected" : "Predicted"} policy for ${type}`}
                        className={inputClass}
                        value={policy[trigger][type] ?? (trigger === "detected" ? "auto" : "approve")}
                        onChange={(e) => setOne(trigger, type, e.target.value as Policy)}
                      >
                        {POLICIES.map((p) => (
                          <option key={p} value={p}>
                            {p}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                  <td className="py-2 pr-3">
                    <input
                      type="checkbox"
                      aria-label={`Two approvers for ${type} proposals`}
                      className="mt-2 h-4 w-4 accent-sky-600"
                      checked={twoPerson.has(type)}
                      onChange={(e) => toggleTwoPerson(type, e.target.checked)}
                    />
                  </td>
                  <td className="min-w-72 py-2">
                    <StrategyChain
                      failureType={type}
                      chain={strategies[type] ?? []}
                      available={availableFor(type)}
                      disabled={readOnly}
                      onChange={(chain) => setStrategies((s) => ({ ...s, [type]: chain }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        {!readOnly && <SaveBar label="Save policies" state={save} testId="save-policy" />}
      </form>
    </SectionCard>
  );
}
