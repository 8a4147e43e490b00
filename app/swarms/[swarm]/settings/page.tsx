// Settings of one swarm: healing policy, strategies, thresholds, webhook, ingest keys, users (server shell checks the session).
import { SettingsScreen } from "@/components/settings/settings-screen";
import { requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** The settings page. */
export default async function SettingsPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  const user = await requirePageUser(`/swarms/${encodeURIComponent(swarm)}/settings`);
  const me = user.kind === "user" ? user.email : (user.name ?? "token");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">
        Settings <span className="font-mono text-lg text-slate-500 dark:text-slate-400">{swarm}</span>
      </h1>
      <SettingsScreen swarm={swarm} role={user.role} me={me} />
    </>
  );
}
