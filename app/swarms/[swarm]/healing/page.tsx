// /swarms/{swarm}/healing: healing history, strategy effectiveness and MTTR trend (server shell; the body is a client component).
import { notFound } from "next/navigation";
import { HealingScreen } from "@/components/healing/healing-screen";
import { requirePageUser } from "@/lib/server/features/page-user";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The healing screen of one swarm. */
export default async function HealingPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  if (!swarmNameSchema.safeParse(swarm).success) notFound();
  await requirePageUser(`/swarms/${swarm}/healing`);
  return <HealingScreen swarm={swarm} />;
}
