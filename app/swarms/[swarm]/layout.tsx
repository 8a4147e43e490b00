// Shell of one swarm's screens: session check, header with the swarm switcher, tabs, the "silent" strip when the
// swarm has stopped sending, and the live subscription to the swarm's room that every tab shares.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/shell/session-context";
import { SwarmLive } from "@/components/shell/swarm-live";
import { SwarmTabs } from "@/components/shell/swarm-tabs";
import { SwarmSilenceBanner } from "@/components/swarms/swarm-silence";
import { AppHeader } from "@/components/shell/app-header";
import { principalLabel, requirePageUser } from "@/lib/server/features/page-user";
import { services } from "@/lib/server/features/services";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The layout of /swarms/{swarm}/…; an unknown swarm is a 404. */
export default async function SwarmLayout({ children, params }: { children: ReactNode; params: Promise<{ swarm: string }> }) {
  const { swarm } = await params;
  const user = await requirePageUser(`/swarms/${swarm}`);
  const valid = swarmNameSchema.safeParse(swarm).success;
  if (!valid || !(await services().access.findSwarm(swarm))) notFound();
  const label = principalLabel(user);
  return (
    <SessionProvider session={{ label, role: user.role }}>
      <SwarmLive swarm={swarm} />
      <AppHeader user={label} role={user.role} swarm={swarm} />
      <SwarmTabs swarm={swarm} />
      <SwarmSilenceBanner swarm={swarm} />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </SessionProvider>
  );
}
