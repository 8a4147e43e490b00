// A swarm's health score on its card: the number (or "no data" while nothing is measured), coloured by band, with
// its terms and the MTTR target in force on hover.
import type { HealthTerms } from "@/lib/contract/items/metrics";
import { healthBand, healthTermsText, scoreText } from "@/lib/browser/view/health-gauge";

const TONE = {
  good: "text-emerald-600 dark:text-emerald-400",
  warn: "text-amber-600 dark:text-amber-400",
  bad: "text-rose-600 dark:text-rose-400",
} as const;

/** The health line of a swarm card. */
export function SwarmHealth({ score, health }: { score: number | null; health: HealthTerms | null }) {
  const tone = score === null ? "text-slate-500 dark:text-slate-400" : TONE[healthBand(score)];
  return (
    <p className="relative z-10 mt-3 flex items-baseline gap-2 text-sm" title={healthTermsText(health)} data-testid="swarm-health">
      <span className="text-slate-500 dark:text-slate-400">health</span>
      <span className={`font-semibold tabular-nums ${tone}`} data-testid="swarm-health-score">
        {scoreText(score)}
      </span>
    </p>
  );
}
