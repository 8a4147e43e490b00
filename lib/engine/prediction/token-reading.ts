// The token budget usage (percent) an event reports: resource_metric, resource_snapshot, or a tokens signal.
import type { EngineEvent } from "../model/types";
import { metadataOf, num, obj } from "./read-event";

/** Token usage in percent from `metadata.token_usage_percent` (resource_metric), `metadata.tokens.usage_percent`
 * (resource_snapshot) or `current_usage / limit` of a token_warning / resource_exhaustion on tokens; else undefined. */
export function tokenPercentOf(e: EngineEvent): number | undefined {
  const meta = metadataOf(e);
  if (e.type === "resource_metric") return num(meta.token_usage_percent);
  if (e.type === "resource_snapshot") return num(obj(meta.tokens)?.usage_percent);
  if (e.type !== "token_warning" && e.type !== "resource_exhaustion") return undefined;
  if (typeof e.data.resource_type !== "string" || !/^tokens?$/i.test(e.data.resource_type)) return undefined;
  const usage = num(e.data.current_usage);
  const limit = num(e.data.limit);
  return usage !== undefined && limit !== undefined && limit > 0 ? (usage / limit) * 100 : undefined;
}
