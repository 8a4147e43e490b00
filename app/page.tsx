// Home: the swarm list with live events/s (server shell checks the session; the list is a client component).
import { AppHeader } from "@/components/shell/app-header";
import { SwarmList } from "@/components/swarms/swarm-list";
import { principalLabel, requirePageUser } from "@/lib/server/features/page-user";

export const dynamic = "force-dynamic";

/** The swarm list page. */
export default async function HomePage() {
  const user = await requirePageUser("/");
  return (
    <>
      <AppHeader user={principalLabel(user)} role={user.role} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">Swarms</h1>
        <SwarmList />
      </main>
    </>
  );
}
