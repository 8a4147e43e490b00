// Overview of one swarm (server shell; the live parts are client components fed by the socket).
import { OverviewScreen } from "@/components/overview/overview-screen";
import { requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** /swarms/{swarm}. */
export default async function SwarmOverviewPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  await requirePageUser(`/swarms/${swarm}`);
  return (
    <>
      <h1 className="sr-only">Overview of {swarm}</h1>
      <OverviewScreen swarm={swarm} />
    </>
  );
}
