// Agents of one swarm (server shell; the table is a client component).
import { AgentsScreen } from "@/components/agents/agents-screen";
import { requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** /swarms/{swarm}/agents. */
export default async function AgentsPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  await requirePageUser(`/swarms/${swarm}/agents`);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Agents</h1>
      <AgentsScreen swarm={swarm} />
    </>
  );
}
