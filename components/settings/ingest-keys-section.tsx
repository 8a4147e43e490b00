"use client";
// The swarm's ingest keys: create (the key shown once, with a copy button), revoke with a confirmation, last use.
import { type FormEvent, useState } from "react";
import { type IngestKeyView, useCreateIngestKey, useIngestKeys, useRevokeIngestKey } from "@/lib/browser/api/ingest-keys";
import { CopyOnce } from "./copy-once";
import { dangerButton, Field, fieldErrors, inputClass, SaveBar, SectionCard, secondaryButton } from "./form-controls";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** Ingest key list and create form. */
export function IngestKeysSection({ swarm }: { swarm: string }) {
  const keys = useIngestKeys(swarm);
  const create = useCreateIngestKey(swarm);
  const [name, setName] = useState("");
  const [shown, setShown] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim() || undefined, { onSuccess: (k) => (setShown(k.key), setName("")) });
  };
  return (
    <SectionCard id="keys" title="Ingest keys" description="Agent systems send events and receive commands with these keys (Authorization: Bearer smk_…). A revoked key is refused from its next request.">
      <div className="flex flex-col gap-4">
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
          <Field id="key-name" label="Name (optional)" errors={fieldErrors(create.error, "name")}>
            <input id="key-name" className={`${inputClass} w-72`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="e.g. production coordinator" />
          </Field>
          <SaveBar label="Create key" state={{ ...create, isSuccess: false }} testId="create-key" />
        </form>
        {shown && <CopyOnce label="New ingest key" value={shown} testId="new-key" onDismiss={() => setShown(null)} />}
        {keys.isPending ? (
          <div className="h-16 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" aria-busy="true" aria-label="Loading keys" />
        ) : keys.error ? (
          <div role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not load keys: {keys.error.message}{" "}
            <button type="button" className={secondaryButton} onClick={() => void keys.refetch()}>
              Retry
            </button>
          </div>
        ) : keys.data.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No keys yet.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Ingest keys">
            <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">Prefix</th>
                <th scope="col" className="py-2 pr-3 font-medium">Created</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
                <th scope="col" className="py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {keys.data.map((k) => (
                <KeyRow key={k.id} swarm={swarm} k={k} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </SectionCard>
  );
}

/** One key with its revoke / confirm buttons. */
function KeyRow({ swarm, k }: { swarm: string; k: IngestKeyView }) {
  const revoke = useRevokeIngestKey(swarm);
  const [confirming, setConfirming] = useState(false);
  const label = k.name ?? k.prefix;
  return (
    <tr data-testid={`key-row-${k.id}`}>
      <td className="py-2 pr-3">{k.name ?? <span className="text-slate-500">—</span>}</td>
      <td className="py-2 pr-3 font-mono text-xs">{k.prefix}…</td>
      <td className="py-2 pr-3 text-xs">{when(k.created_at)}</td>
      <td className="py-2 pr-3 text-xs">{when(k.last_used_at)}</td>
      <td className="py-2">
        {k.revoked_at ? (
          <span className="rounded-full bg-slate-500/15 px-2 py-0.5 text-xs text-slate-500 dark:text-slate-400">revoked {when(k.revoked_at)}</span>
        ) : confirming ? (
          <span className="flex items-center gap-2">
            <button type="button" className={dangerButton} disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>
              Confirm revoke
            </button>
            <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <span className="flex items-center gap-2">
            <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs text-emerald-700 dark:text-emerald-300">active</span>
            <button type="button" className={secondaryButton} onClick={() => setConfirming(true)} aria-label={`Revoke key ${label}`}>
              Revoke
            </button>
          </span>
        )}
        {revoke.error && <p className="mt-1 text-xs text-rose-600 dark:text-rose-400">{revoke.error.message}</p>}
      </td>
    </tr>
  );
}
