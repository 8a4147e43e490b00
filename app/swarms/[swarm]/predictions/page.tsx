// /swarms/{swarm}/predictions: prediction quality against the target, lead times, every prediction, learned patterns.
import { notFound } from "next/navigation";
import { PredictionsScreen } from "@/components/predictions/predictions-screen";
import { requirePageUser } from "@/lib/server/features/page-user";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The predictions screen of one swarm. */
export default async function PredictionsPage({ params }: { params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  if (!swarmNameSchema.safeParse(swarm).success) notFound();
  await requirePageUser(`/swarms/${swarm}/predictions`);
  return <PredictionsScreen swarm={swarm} />;
}
