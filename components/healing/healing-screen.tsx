// The healing screen's body: MTTR trend, strategy effectiveness and the filterable history (works inside the
// swarm shell layout or standalone).
import { LiveFigures } from "@/components/shell/live-figures";
import { HealingHistoryPanel } from "./healing-history-panel";
import { MttrPanel } from "./mttr-panel";
import { StrategyPanel } from "./strategy-panel";

/** Everything the healing screen shows for one swarm. */
export function HealingScreen({ swarm }: { swarm: string }) {
  return (
    <LiveFigures className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Healing</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          What <span className="font-medium text-slate-700 dark:text-slate-300">{swarm}</span>&apos;s engine did about failures, which
          strategies pay off, and how fast the swarm recovers.
        </p>
      </div>
      <MttrPanel swarm={swarm} />
      <StrategyPanel swarm={swarm} />
      <HealingHistoryPanel swarm={swarm} />
    </LiveFigures>
  );
}
