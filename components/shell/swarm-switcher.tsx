"use client";
// Swarm switcher: a select of every swarm; switching keeps the current tab (an agent drill-down goes to the table).
import { usePathname, useRouter } from "next/navigation";
import { Select } from "@/components/ui/input";
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
      <Select
        surface="card"
        size="sm"
        value={current}
        onChange={(e) => router.push(sameTabPath(pathname, e.target.value))}
        data-testid="swarm-switcher"
        className="font-mono"
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </label>
  );
}
