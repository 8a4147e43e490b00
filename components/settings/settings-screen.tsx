"use client";
// The settings screen of one swarm: every section saves on its own. Admins edit; viewers and operators see the
// healing settings read-only and are told the rest is for admins.
import { useSwarmSettings } from "@/lib/browser/api/settings";
import { IngestKeysSection } from "./ingest-keys-section";
import { PolicySection } from "./policy-section";
import { RetentionSection } from "./retention-section";
import { Button } from "@/components/ui/button";
import { TuningSection } from "./tuning-section";
import { UsersSection } from "./users-section";
import { WebhookSection } from "./webhook-section";

/** All settings sections for `swarm`, as `role` may use them. */
export function SettingsScreen({ swarm, role, me }: { swarm: string; role: string; me: string }) {
  const settings = useSwarmSettings(swarm);
  const admin = role === "admin";
  return (
    <div className="flex flex-col gap-6">
      {!admin && (
        <p role="note" className="rounded-md border border-sky-400/40 bg-sky-50 p-3 text-sm dark:bg-sky-950/30" data-testid="admins-only">
          Only admins can change settings. You are signed in as {role}: the healing settings below are read-only, and ingest keys, the
          webhook and users are hidden.
        </p>
      )}
      {settings.isPending ? (
        <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading settings">
          <div className="h-96 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
          <div className="h-40 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        </div>
      ) : settings.error ? (
        <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950/40">
          <p className="font-medium">Could not load the settings of {swarm}.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{settings.error.message}</p>
          <Button variant="secondary" size="sm" onClick={() => void settings.refetch()} className="mt-4">
            Retry
          </Button>
        </div>
      ) : (
        <>
          <PolicySection swarm={swarm} view={settings.data} readOnly={!admin} />
          <TuningSection swarm={swarm} view={settings.data} readOnly={!admin} />
          <RetentionSection swarm={swarm} view={settings.data} readOnly={!admin} />
        </>
      )}
      {admin && (
        <>
          <WebhookSection swarm={swarm} />
          <IngestKeysSection swarm={swarm} />
          <UsersSection me={me} />
        </>
      )}
    </div>
  );
}
