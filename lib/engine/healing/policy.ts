// Healing policy per failure type (docs/decisions.md#d23): auto, approve (an operator decides) or off.
import type { Trigger } from "./types";

/** What happens when a failure of a type arrives. */
export type Policy = "auto" | "approve" | "off";

/** Policies by trigger and failure type; "*" sets the default for a trigger. */
export type PolicyConfig = { detected?: Record<string, Policy>; preventive?: Record<string, Policy> };

/** Defaults (docs/decisions.md#d23): detected failures heal at once, predicted (preventive) healings wait for approval. */
export const DEFAULT_POLICY: Record<"detected" | "preventive", Policy> = { detected: "auto", preventive: "approve" };

/** The policy in force; an operator's manual trigger is its own approval. */
export function policyFor(cfg: PolicyConfig, failureType: string, trigger: Trigger): Policy {
  if (trigger === "manual") return "auto";
  const table = cfg[trigger];
  return table?.[failureType] ?? table?.["*"] ?? DEFAULT_POLICY[trigger];
}
