// Top bar: product name, (on swarm pages) the swarm switcher, live connection indicator, who is signed in, the
// theme toggle and sign-out.
import { cookies } from "next/headers";
import Link from "next/link";
import { parseTheme, THEME_KEY } from "@/lib/browser/view/theme";
import { ConnectionIndicator } from "./connection-indicator";
import { OfflineBanner } from "./offline-banner";
import { SignOutButton } from "./sign-out-button";
import { SwarmSwitcher } from "./swarm-switcher";
import { ThemeToggle } from "./theme-toggle";

/** The header shown on every signed-in page. */
export async function AppHeader({ user, role, swarm }: { user: string; role: string; swarm?: string }) {
  const theme = parseTheme((await cookies()).get(THEME_KEY)?.value);
  return (
    <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-6 py-3">
        <div className="flex items-center gap-4">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold">
            <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-emerald-500" />
            Swarm Medic
          </Link>
          {swarm && <SwarmSwitcher current={swarm} />}
        </div>
        <div className="flex items-center gap-4 text-sm">
          <ConnectionIndicator />
          <span className="text-slate-500 dark:text-slate-400" data-testid="signed-in-as">
            {user} · {role}
          </span>
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </div>
      </div>
      <OfflineBanner />
    </header>
  );
}
