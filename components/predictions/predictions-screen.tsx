// The predictions screen's body: quality against the target and lead times, every prediction, learned patterns
// (works inside the swarm shell layout or standalone).
import { LiveFigures } from "@/components/shell/live-figures";
import { PatternsPanel } from "./patterns-panel";
import { PredictionListPanel } from "./prediction-list-panel";
import { QualityPanel } from "./quality-panel";

/** Everything the predictions screen shows for one swarm. */
export function PredictionsScreen({ swarm }: { swarm: string }) {
  return (
    <LiveFigures className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Predictions</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          How often <span className="font-medium text-slate-700 dark:text-slate-300">{swarm}</span>&apos;s failure predictions come true,
          how early they come, and the patterns behind them.
        </p>
      </div>
      <QualityPanel swarm={swarm} />
      <PredictionListPanel swarm={swarm} />
      <PatternsPanel swarm={swarm} />
    </LiveFigures>
  );
}
