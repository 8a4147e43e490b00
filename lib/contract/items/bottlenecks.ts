// A bottleneck as the API lists it and the live channel pushes it (docs/contract.md#read-and-act, docs/contract.md#live-channel).

/** A bottleneck; `resolution` is "no data" when storage resolved it because its swarm went silent, else null. */
export type BottleneckItem = {
  id: string;
  type: string;
  severity: string;
  impact_score: number;
  status: string;
  affected_resources: unknown;
  metrics: unknown;
  recommendations: unknown;
  detected_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolution: string | null;
};
