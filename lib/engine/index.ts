// The engine's one public entry: everything outside lib/engine imports from here, never from its files.
export * from "./agent-roster";
export * from "./analytics/health-score";
export * from "./analytics/mttr-series";
export * from "./analytics/overall-stats";
export * from "./analytics/strategy-effectiveness";
export * from "./analytics/types";
export * from "./detection/bottleneck-detector";
export * from "./detection";
export * from "./engine";
export * from "./healing";
export * from "./healing/types";
export * from "./healing/verification";
export * from "./model/clock";
export * from "./model/records";
export * from "./model/types";
export * from "./patterns";
export * from "./prediction";
export * from "./prediction/outcome-stats";
export * from "./swarm-config";
// Names several engine modules define: the public meaning is chosen here, the others are exported under their own names.
export type { CommandRecord, FailureRecord, HealingRecord } from "./model/records";
export type { HealingStatus, Severity } from "./healing/types";
export type { HealingRecord as HealingState } from "./healing/types";
export type { HealingRecord as AnalyticsHealingRecord, Trend } from "./analytics/types";
