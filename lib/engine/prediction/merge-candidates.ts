// Per-pass dedup and order of the sources' output (docs/engine.md#s-7-1).
import { keyOf, type Candidate } from "./prediction-record";

/** Keeps one candidate per (failure_type, agent_id): a later one replaces it only with strictly higher confidence;
 * then sorts by confidence, highest first (stable, so ties keep source order). */
export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) {
    const kept = byKey.get(keyOf(c));
    if (!kept || c.confidence > kept.confidence) byKey.set(keyOf(c), c);
  }
  return [...byKey.values()].sort((a, b) => b.confidence - a.confidence);
}
