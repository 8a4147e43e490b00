// One agent of a swarm: live row, recent tasks, failures and healings (server shell; the content is a client component).
import Link from "next/link";
import { AgentDetailScreen } from "@/components/agents/agent-detail-screen";
import { requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** /swarms/{swarm}/agents/{agent}. */
export default async function AgentPage({ params }: { params: Promise<{ swarm: string; agent: string }> }) {
  const { swarm, agent: raw } = await params;
  const agent = decodeURIComponent(raw);
  await requirePageUser(`/swarms/${swarm}/agents/${raw}`);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500 dark:text-slate-400">
        <Link href={`/swarms/${swarm}/agents`} className="hover:underline">
          Agents
        </Link>{" "}
        / <span className="font-mono">{agent}</span>
      </nav>
      <h1 className="mb-4 font-mono text-2xl font-semibold tracking-tight">{agent}</h1>
      <AgentDetailScreen swarm={swarm} agent={agent} />
    </>
  );
}
