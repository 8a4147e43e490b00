"use client";
// The swarm's ingest keys: create (the key shown once, with a copy button), revoke with a confirmation, last use.
import { type FormEvent, useState } from "react";
import { type IngestKeyView, useCreateIngestKey, useIngestKeys, useRevokeIngestKey } from "@/lib/browser/api/ingest-keys";
import { CopyOnce } from "./copy-once";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Cell, HeaderCell, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { Field, fieldErrors, SaveBar, SectionCard } from "./form-controls";

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
    <SectionCard
      id="keys"
      title="Ingest keys"
      description="Agent systems send events and receive commands with these keys (Authorization: Bearer smk_…). A revoked key is refused from its next request."
    >
      <div className="flex flex-col gap-4">
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
          <Field id="key-name" label="Name (optional)" errors={fieldErrors(create.error, "name")}>
            <Input
              id="key-name"
              size="roomy"
              className="w-72"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              placeholder="e.g. production coordinator"
            />
          </Field>
          <SaveBar label="Create key" state={{ ...create, isSuccess: false }} testId="create-key" />
        </form>
        {shown && <CopyOnce label="New ingest key" value={shown} testId="new-key" onDismiss={() => setShown(null)} />}
        {keys.isPending ? (
          <div className="h-16 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" aria-busy="true" aria-label="Loading keys" />
        ) : keys.error ? (
          <div role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not load keys: {keys.error.message}{" "}
            <Button variant="secondary" size="sm" onClick={() => void keys.refetch()}>
              Retry
            </Button>
          </div>
        ) : keys.data.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No keys yet.</p>
        ) : (
          <Table look="plain" label="Ingest keys">
            <TableHead>
              <HeaderCell>Name</HeaderCell>
              <HeaderCell>Prefix</HeaderCell>
              <HeaderCell>Created</HeaderCell>
              <HeaderCell>Last used</HeaderCell>
              <HeaderCell>Status</HeaderCell>
            </TableHead>
            <TableBody>
              {keys.data.map((k) => (
                <KeyRow key={k.id} swarm={swarm} k={k} />
              ))}
            </TableBody>
          </Table>
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
    <TableRow data-testid={`key-row-${k.id}`}>
      <Cell>{k.name ?? <span className="text-slate-500">—</span>}</Cell>
      <Cell className="font-mono text-xs">{k.prefix}…</Cell>
      <Cell className="text-xs">{when(k.created_at)}</Cell>
      <Cell className="text-xs">{when(k.last_used_at)}</Cell>
      <Cell>
        {k.revoked_at ? (
          <span className="rounded-full bg-slate-500/15 px-2 py-0.5 text-xs text-slate-500 dark:text-slate-400">
            revoked {when(k.revoked_at)}
          </span>
        ) : confirming ? (
          <span className="flex items-center gap-2">
            <Button variant="danger" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>
              Confirm revoke
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        ) : (
          <span className="flex items-center gap-2">
            <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs text-emerald-700 dark:text-emerald-300">active</span>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke key ${label}`}>
              Revoke
            </Button>
          </span>
        )}
        {revoke.error && <p className="mt-1 text-xs text-rose-600 dark:text-rose-400">{revoke.error.message}</p>}
      </Cell>
    </TableRow>
  );
}
