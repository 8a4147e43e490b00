"use client";
// Swarm switcher: a select of every swarm; switching keeps the current tab (an agent drill-down goes to the table).
import { usePathname, useRouter } from "next/navigation";
import { useSwarms } from "@/lib/browser/api/swarms";

/** The path of the same tab on another swarm. */
function sameTabPath(pathname: string, swarm: string): string {
  const tab = pathname.split("/")[3];
  return tab ? `/swarms/${swarm}/${tab}` : `/swarms/${swarm}`;
}

/** Select listing GET /api/v1/swarms. */
export function SwarmSwitcher({ current }: { current: string }) {
  const { data } = useSwarms();
  const router = useRouter();
  const pathname = usePathname();
  const names = data?.map((s) => s.name) ?? [];
  if (!names.includes(current)) names.unshift(current);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Swarm</span>
      <select
        value={current}
        onChange={(e) => router.push(sameTabPath(pathname, e.target.value))}
        data-testid="swarm-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900"
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
