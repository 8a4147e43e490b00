"use client";
// The live overview of one swarm: health gauge, live tiles and sparklines on top; proposals, bottlenecks and
// healings below; demo fault controls for admins on the demo swarm. All of it greys out while the live channel is down.
import { LiveFigures } from "@/components/shell/live-figures";
import { useCan } from "@/components/shell/session-context";
import { Panel } from "@/components/ui/panel";
import { useLiveTick, useTickSeries } from "@/lib/browser/api/overview";
import { BottleneckList } from "./bottleneck-list";
import { IncidentList } from "./incident-list";
import { DemoControls } from "./demo-controls";
import { HealingList } from "./healing-list";
import { HealthGauge } from "./health-gauge";
import { LiveTiles } from "./live-tiles";
import { ProposalList } from "./proposal-list";
import { ThroughputSparklines } from "./throughput-sparklines";

/** The overview screen. */
export function OverviewScreen({ swarm }: { swarm: string }) {
  const { data: tick } = useLiveTick(swarm);
  const { data: series } = useTickSeries(swarm);
  const admin = useCan("admin");
  return (
    <LiveFigures className="space-y-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[18rem_1fr_1fr]">
        <Panel title="Health" testId="health">
          <HealthGauge tick={tick} />
        </Panel>
        <Panel title="Live" testId="live-tiles">
          <LiveTiles tick={tick} />
        </Panel>
        <Panel title="Last 5 minutes" testId="sparklines">
          <ThroughputSparklines series={series} />
        </Panel>
      </div>
      <IncidentList swarm={swarm} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <ProposalList swarm={swarm} />
        <BottleneckList swarm={swarm} />
      </div>
      <div className={`grid grid-cols-1 gap-4 ${swarm === "demo" && admin ? "lg:grid-cols-[2fr_1fr]" : ""}`}>
        <HealingList swarm={swarm} />
        {swarm === "demo" && admin && <DemoControls />}
      </div>
    </LiveFigures>
  );
}
