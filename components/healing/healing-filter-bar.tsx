"use client";
// Filter selects of the healing history: strategy, failure type, trigger, status; and "Clear filters".
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { strategyLabel } from "@/lib/browser/view/charts/prepare-strategy-rows";
import {
  FAILURE_TYPES,
  HEALING_STATUSES,
  HEALING_TRIGGERS,
  type HealingFilters,
  KNOWN_STRATEGIES,
} from "@/lib/browser/api/healing-filters";

const pairs = (values: readonly string[], label: (v: string) => string = (v) => v.replace(/_/g, " ")) =>
  values.map((v) => [v, label(v)] as const);
const unique = (...lists: readonly (readonly (string | undefined)[])[]) => [...new Set(lists.flat().filter((v): v is string => !!v))];

/** The filter bar; `strategies` adds the strategies seen in the swarm's results to the known ones. */
export function HealingFilterBar({
  filters,
  strategies,
  onChange,
}: {
  filters: HealingFilters;
  strategies: readonly string[];
  onChange: (f: HealingFilters) => void;
}) {
  const set = (key: keyof HealingFilters) => (v: string) => onChange({ ...filters, [key]: v || undefined });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="group" aria-label="Healing filters">
      <SelectField
        label="Strategy"
        allLabel="All strategies"
        value={filters.strategy ?? ""}
        options={pairs(unique(KNOWN_STRATEGIES, strategies, [filters.strategy]), strategyLabel)}
        onChange={set("strategy")}
      />
      <SelectField
        label="Failure type"
        allLabel="All failure types"
        value={filters.failure_type ?? ""}
        options={pairs(unique(FAILURE_TYPES, [filters.failure_type]))}
        onChange={set("failure_type")}
      />
      <SelectField
        label="Trigger"
        allLabel="All triggers"
        value={filters.trigger ?? ""}
        options={pairs(HEALING_TRIGGERS)}
        onChange={set("trigger")}
      />
      <SelectField
        label="Status"
        allLabel="All statuses"
        value={filters.status ?? ""}
        options={pairs(HEALING_STATUSES)}
        onChange={set("status")}
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="ghost" size="field" onClick={() => onChange({})} className="text-sky-600 dark:text-sky-400">
          Clear filters
        </Button>
      )}
    </div>
  );
}
