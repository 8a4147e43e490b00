// Audit log of one swarm (or everything): who did what, when, to what, with which result (admins only).
import { AuditScreen } from "@/components/audit/audit-screen";
import { requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** The audit page. */
export default async function AuditPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  const user = await requirePageUser(`/swarms/${encodeURIComponent(swarm)}/audit`);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">
        Audit log <span className="font-mono text-lg text-slate-500 dark:text-slate-400">{swarm}</span>
      </h1>
      <AuditScreen swarm={swarm} role={user.role} />
    </>
  );
}
