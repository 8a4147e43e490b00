"use client";
// Filters of the audit page: action, actor, time range and scope (this swarm or all); applied on submit.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AuditFilters } from "@/lib/browser/api/audit";

/** Actions the server records, offered in the action filter (a dotted prefix matches the group). */
export const AUDIT_ACTIONS = [
  "swarm.settings.update",
  "swarm.webhook",
  "ingest_key",
  "ingest_key.create",
  "ingest_key.revoke",
  "user",
  "user.create",
  "user.update",
  "prediction",
  "demo.fault.inject",
];

/** Time ranges offered, newest first. */
export const RANGES = [
  { label: "Last hour", ms: 3_600_000 },
  { label: "Last 24 hours", ms: 86_400_000 },
  { label: "Last 7 days", ms: 7 * 86_400_000 },
  { label: "Last 30 days", ms: 30 * 86_400_000 },
  { label: "Last 90 days", ms: 90 * 86_400_000 },
];

/** The filter form; `onApply` gets the new filters. */
export function AuditFilterForm({ swarm, value, onApply }: { swarm: string; value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [action, setAction] = useState(value.action ?? "");
  const [actor, setActor] = useState(value.actor ?? "");
  const [rangeMs, setRangeMs] = useState(value.rangeMs);
  const [scope, setScope] = useState(value.swarm ? "swarm" : "all");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ action: action || undefined, actor: actor.trim() || undefined, rangeMs, swarm: scope === "swarm" ? swarm : undefined });
  };
  const label = "text-sm font-medium";
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Audit filters">
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className={label}>
          Action
        </label>
        <Select id="audit-action" size="roomy" className="h-9" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-actor" className={label}>
          Actor
        </label>
        <Input
          id="audit-actor"
          size="roomy"
          className="h-9"
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          placeholder="email or token"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-range" className={label}>
          Time range
        </label>
        <Select id="audit-range" size="roomy" className="h-9" value={rangeMs} onChange={(e) => setRangeMs(Number(e.target.value))}>
          {RANGES.map((r) => (
            <option key={r.ms} value={r.ms}>
              {r.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-scope" className={label}>
          Scope
        </label>
        <Select id="audit-scope" size="roomy" className="h-9" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="swarm">This swarm ({swarm})</option>
          <option value="all">All swarms and users</option>
        </Select>
      </div>
      <Button type="submit" variant="primary">
        Apply
      </Button>
    </form>
  );
}
