// Top bar: product name, live connection indicator, who is signed in and sign-out.
import { ConnectionIndicator } from "./connection-indicator";
import { SignOutButton } from "./sign-out-button";

/** The header shown on every signed-in page. */
export function AppHeader({ user, role }: { user: string; role: string }) {
  return (
    <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
        <a href="/" className="flex items-center gap-2 text-lg font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-emerald-500" />
          Swarm Medic
        </a>
        <div className="flex items-center gap-4 text-sm">
          <ConnectionIndicator />
          <span className="text-slate-500 dark:text-slate-400" data-testid="signed-in-as">
            {user} · {role}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
