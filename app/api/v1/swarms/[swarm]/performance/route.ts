// GET /api/v1/swarms/{swarm}/performance?range_ms= — task duration p95/p99, tokens per task, success rate and their
// trends over the engine's window, with the active bottlenecks and their recommendations (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { bottleneckItem } from "@/lib/server/features/items/items";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's performance summary. */
export const GET = apiRoute(
  {
    role: "viewer",
    params: z.object({ swarm: swarmNameSchema }),
    query: z.object({ range_ms: z.coerce.number().int().min(1_000).max(300_000).default(300_000) }),
  },
  async ({ services, swarm, query }) => {
    const r = await services.engine.performance(swarm, query.range_ms);
    return {
      time_range_ms: r.timeRangeMs,
      generated_at: new Date(r.generatedAt).toISOString(),
      summary: {
        task_count: r.summary.taskCount,
        avg_duration_ms: r.summary.avgDurationMs,
        p95_duration_ms: r.summary.p95DurationMs,
        p99_duration_ms: r.summary.p99DurationMs,
        avg_tokens_per_task: r.summary.avgTokensPerTask,
        success_rate: r.summary.successRate,
      },
      trends: { task_duration: r.trends.taskDuration, token_usage: r.trends.tokenUsage, success_rate: r.trends.successRate },
      bottlenecks: r.bottlenecks.map(bottleneckItem),
    };
  },
);
