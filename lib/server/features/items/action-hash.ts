// The hash an approval is bound to (docs/reliability.md#s3): the proposal's identity and exactly what it proposes to do.
import { createHash } from "node:crypto";

/** What a proposal proposes: the fields an operator sees and approves. */
export type ProposedAction = { id: string; failureType: string; agentId?: string | null; recommendedAction: string };

/** SHA-256 (hex) of the proposed action; an approval carrying a different hash is refused. */
export function actionHash(p: ProposedAction): string {
  return createHash("sha256")
    .update(JSON.stringify([p.id, p.failureType, p.agentId ?? null, p.recommendedAction]))
    .digest("hex");
}

/** The action of a healing waiting for approval: its strategy for its failure type. */
export function healingActionHash(h: { id: string; failureType: string; strategy: string }): string {
  return actionHash({ id: h.id, failureType: h.failureType, recommendedAction: h.strategy });
}
