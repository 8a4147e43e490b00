// Audit log of one swarm (or everything): who did what, when, to what, with which result (admins only).
import { AppHeader } from "@/components/ui/app-header";
import { AuditScreen } from "@/components/audit/audit-screen";
import { requirePageUser } from "@/lib/auth/page-user";

export const dynamic = "force-dynamic";

/** The audit page. */
export default async function AuditPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  const user = await requirePageUser(`/swarms/${encodeURIComponent(swarm)}/audit`);
  return (
    <>
      <AppHeader user={user.kind === "user" ? user.email : (user.name ?? "token")} role={user.role} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">
          Audit log <span className="font-mono text-lg text-slate-500 dark:text-slate-400">{swarm}</span>
        </h1>
        <AuditScreen swarm={swarm} role={user.role} />
      </main>
    </>
  );
}
