"use client";
// The swarm's tabs (Overview, Agents, Healing, Predictions, Settings, Audit); the current one is marked.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { focusRing } from "@/components/ui/focus-ring";

const TABS = [
  { label: "Overview", path: "" },
  { label: "Agents", path: "/agents" },
  { label: "Healing", path: "/healing" },
  { label: "Predictions", path: "/predictions" },
  { label: "Settings", path: "/settings" },
  { label: "Audit", path: "/audit" },
] as const;

/** Tab navigation of one swarm. */
export function SwarmTabs({ swarm }: { swarm: string }) {
  const pathname = usePathname();
  const base = `/swarms/${swarm}`;
  return (
    <nav aria-label="Swarm sections" className="border-b border-slate-200 dark:border-slate-800">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-6">
        {TABS.map((t) => {
          const href = base + t.path;
          const active = t.path === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={t.label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${
                  active
                    ? "border-sky-500 text-slate-900 dark:text-white"
                    : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
