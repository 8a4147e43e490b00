"use client";
// Healing policy per failure type (detected / preventive: auto, approve, off), whether its proposals need two
// approvers, and its strategy chain; saved together.
import { type FormEvent, useState } from "react";
import { type SettingsView, type SwarmSettings, useSaveSettings } from "@/lib/browser/api/settings";
import { Select } from "@/components/ui/input";
import { Cell, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { fieldErrors, SaveBar, SectionCard } from "./form-controls";
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
      {
        onSuccess: (v) => (
          setPolicy(v.settings.policy),
          setStrategies(v.settings.strategies),
          setTwoPerson(new Set(v.settings.two_person_approval))
        ),
      },
    );
  };
  const toggleTwoPerson = (type: string, on: boolean) =>
    setTwoPerson((s) => {
      const next = new Set(s);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const setOne = (trigger: "detected" | "preventive", type: string, value: Policy) =>
    setPolicy((p) => ({ ...p, [trigger]: { ...p[trigger], [type]: value } }));

  return (
    <SectionCard
      id="policy"
      title="Healing policy and strategies"
      description="Per failure type: what happens when a failure is detected or predicted (auto heals at once, approve waits for an operator, off does nothing), whether a proposal is high-risk and needs two different approvers, and the strategies tried in order, each falling back to the next."
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <fieldset disabled={readOnly} className="overflow-x-auto">
          <legend className="sr-only">Policies and strategy chains</legend>
          <Table look="plain">
            <TableHead>
              <HeaderCell>Failure type</HeaderCell>
              <HeaderCell>Detected</HeaderCell>
              <HeaderCell>Predicted</HeaderCell>
              <HeaderCell>Two approvers</HeaderCell>
              <HeaderCell>Strategy chain</HeaderCell>
            </TableHead>
            <TableBody>
              {view.failure_types.map((type) => (
                <TableRow key={type} data-testid={`policy-row-${type}`} className="align-top">
                  <RowHeader className="font-mono text-xs font-medium">
                    {type}
                    {fieldErrors(save.error, `policy.detected.${type}`)
                      .concat(fieldErrors(save.error, `strategies.${type}`))
                      .map((m) => (
                        <p key={m} className="mt-1 font-sans text-xs font-normal text-rose-600 dark:text-rose-400">
                          {m}
                        </p>
                      ))}
                  </RowHeader>
                  {(["detected", "preventive"] as const).map((trigger) => (
                    <Cell key={trigger}>
                      <Select
                        aria-label={`${trigger === "detected" ? "Detected" : "Predicted"} policy for ${type}`}
                        size="roomy"
                        value={policy[trigger][type] ?? (trigger === "detected" ? "auto" : "approve")}
                        onChange={(e) => setOne(trigger, type, e.target.value as Policy)}
                      >
                        {POLICIES.map((p) => (
                          <option key={p} value={p}>
                            {p}
                          </option>
                        ))}
                      </Select>
                    </Cell>
                  ))}
                  <Cell>
                    <input
                      type="checkbox"
                      aria-label={`Two approvers for ${type} proposals`}
                      className="mt-2 h-4 w-4 accent-sky-600"
                      checked={twoPerson.has(type)}
                      onChange={(e) => toggleTwoPerson(type, e.target.checked)}
                    />
                  </Cell>
                  <Cell className="min-w-72">
                    <StrategyChain
                      failureType={type}
                      chain={strategies[type] ?? []}
                      available={availableFor(type)}
                      disabled={readOnly}
                      onChange={(chain) => setStrategies((s) => ({ ...s, [type]: chain }))}
                    />
                  </Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </fieldset>
        {!readOnly && <SaveBar label="Save policies" state={save} testId="save-policy" />}
      </form>
    </SectionCard>
  );
}
