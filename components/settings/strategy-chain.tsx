"use client";
// An ordered strategy chain for one failure type: each strategy falls back to the next; move up/down, remove, add.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

/** Edits `chain` in place through onChange; `available` are the strategies that heal this failure type. */
export function StrategyChain({
  failureType,
  chain,
  available,
  disabled,
  onChange,
}: {
  failureType: string;
  chain: string[];
  available: string[];
  disabled: boolean;
  onChange: (chain: string[]) => void;
}) {
  const addId = useId();
  const addable = available.filter((s) => !chain.includes(s));
  const [pick, setPick] = useState("");
  const move = (i: number, by: number) => {
    const next = [...chain];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-1.5">
      {chain.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No strategy: failures of this type are not healed.</p>
      ) : (
        <ol className="flex flex-col gap-1" aria-label={`Strategy chain for ${failureType}`}>
          {chain.map((name, i) => (
            <li key={name} className="flex items-center gap-1.5 text-sm">
              <span className="w-4 text-right text-xs tabular-nums text-slate-500">{i + 1}.</span>
              <span className="w-44 truncate font-mono text-xs" title={name}>
                {name.replace(/Strategy$/, "")}
              </span>
              <Button
                variant="secondary"
                size="sm"
                disabled={disabled || i === 0}
                onClick={() => move(i, -1)}
                aria-label={`Move ${name} up for ${failureType}`}
              >
                ↑
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={disabled || i === chain.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move ${name} down for ${failureType}`}
              >
                ↓
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={disabled}
                onClick={() => onChange(chain.filter((s) => s !== name))}
                aria-label={`Remove ${name} from ${failureType}`}
              >
                ✕
              </Button>
            </li>
          ))}
        </ol>
      )}
      {!disabled && addable.length > 0 && (
        <div className="flex items-center gap-1.5">
          <label htmlFor={addId} className="sr-only">
            Add a strategy to {failureType}
          </label>
          <Select id={addId} size="roomy" className="py-1 text-xs" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Add fallback…</option>
            {addable.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
          <Button
            variant="secondary"
            size="sm"
            disabled={!pick}
            onClick={() => {
              onChange([...chain, pick]);
              setPick("");
            }}
          >
            Add
          </Button>
        </div>
      )}
    </div>
  );
}
