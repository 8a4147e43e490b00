"use client";
// The patterns the engine has learned for the swarm: confidence, occurrences, episodes, lift, lead time, measured hit rate.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { Cell, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/browser/view/charts/format-units";
import { usePatterns } from "@/lib/browser/api/predictions";

const FIRST = 10;
const joinerOf = (type: string) => (type === "correlation" || type === "sequence" || type === "temporal" ? " → " : ", ");
/** "3/4 (75 %)", or "—" before any of the pattern's predictions settled. */
const hitRateText = (p: { hits: number; misses: number; hit_rate: number | null }) =>
  p.hit_rate === null ? "—" : `${p.hits}/${p.hits + p.misses} (${formatPercent(p.hit_rate)})`;

/** The learned-patterns panel. */
export function PatternsPanel({ swarm }: { swarm: string }) {
  const q = usePatterns(swarm);
  const [all, setAll] = useState(false);
  return (
    <Panel
      title="Learned patterns"
      description="Events that precede a failure on the same agent more often than chance; a pattern proposes healing only once its own predictions have hit often enough."
      testId="patterns-panel"
    >
      <QueryView
        query={q}
        loading={<Skeleton label="Loading learned patterns" className="h-40" />}
        errorTitle="Could not load learned patterns."
        isEmpty={(patterns) => patterns.length === 0}
        empty={
          <EmptyState title="No patterns learned yet" className="h-40">
            The engine learns a pattern once an event has preceded the same kind of failure in at least 3 episodes, at least twice as often
            as chance.
          </EmptyState>
        }
      >
        {(patterns) => (
          <div className="overflow-x-auto">
            <Table look="ruled" caption="Learned patterns, most confident first">
              <TableHead>
                <HeaderCell>Pattern</HeaderCell>
                <HeaderCell>Type</HeaderCell>
                <HeaderCell>Events</HeaderCell>
                <HeaderCell numeric>Confidence</HeaderCell>
                <HeaderCell numeric>Occurrences</HeaderCell>
                <HeaderCell numeric>Episodes</HeaderCell>
                <HeaderCell numeric>Lift</HeaderCell>
                <HeaderCell numeric>Lead</HeaderCell>
                <HeaderCell numeric>Hit rate</HeaderCell>
              </TableHead>
              <TableBody>
                {(all ? patterns : patterns.slice(0, FIRST)).map((p) => (
                  <TableRow key={p.id} data-testid="pattern-row">
                    <RowHeader className="font-medium">{p.description}</RowHeader>
                    <Cell>{p.type}</Cell>
                    <Cell>
                      <span className="font-mono text-xs">{p.events.join(joinerOf(p.type))}</span>
                    </Cell>
                    <Cell numeric>{formatPercent(p.confidence)}</Cell>
                    <Cell numeric>{p.occurrences.toLocaleString("en-US")}</Cell>
                    <Cell numeric>{p.support.toLocaleString("en-US")}</Cell>
                    <Cell numeric>{`${p.lift.toFixed(1)}×`}</Cell>
                    <Cell numeric>{`${Math.round(p.lead_ms / 1000)} s`}</Cell>
                    <Cell numeric data-testid="pattern-hit-rate">
                      {hitRateText(p)}
                    </Cell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {patterns.length > FIRST && (
              <div className="mt-4 flex justify-center">
                <Button variant="secondary" size="wide" aria-expanded={all} onClick={() => setAll(!all)} className="font-medium">
                  {all ? `Show the ${FIRST} most confident` : `Show all ${patterns.length} patterns`}
                </Button>
              </div>
            )}
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
