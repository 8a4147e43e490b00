// The rules every operator decision follows, whatever is decided (a healing proposal from a prediction, or a healing of
// a detected failure waiting for approval): conditional updates so the first decision stands under concurrent clicks
// (409 for the others); an approval is bound to the exact action shown (docs/reliability.md#s3); failure types marked high-risk need two
// different approvers (docs/reliability.md#s2). Every outcome is audit-logged with who and why.
import { ApiError } from "../../http/errors";
import { actorLabel, audit } from "../audit/audit-log";
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/prisma";
import type { RateLimits } from "../../http/rate-limits";
import { storedSettings } from "../settings/settings-store";

/** What the caller decides. */
export type DecisionRequest = { decision: "approve" | "reject"; reason?: string | undefined; actionHash?: string | undefined };

/** The decidable facts of a stored item. */
export type OpenItemView = {
  swarmId: number;
  settings: unknown;
  /** Null while open; otherwise what it is now (e.g. "rejected", "running"), for the 409. */
  closedAs: string | null;
  decidedBy: string | null;
  firstApprovedBy: string | null;
  failureType: string;
  /** The digest of the action as it stands now (docs/reliability.md#s3). */
  actionHash: string;
  /** Audit detail describing the item. */
  detail: Record<string, unknown>;
};

/** How one kind of item is loaded, claimed and shown. */
export type DecisionStore<Row, Item> = {
  /** Audit action prefix and target prefix, e.g. "prediction". */
  kind: string;
  load(id: string): Promise<Row | null>;
  view(row: Row): OpenItemView;
  /** Records the first of two approvals if nobody has; false when the item changed meanwhile. */
  claimFirstApproval(id: string, by: string, now: number): Promise<boolean>;
  /** Records the decision if the item is still open (and its first approval unchanged); false otherwise. */
  close(id: string, row: Row, decision: DecisionRequest["decision"], by: string, now: number): Promise<boolean>;
  /** After a stored decision: tell the engine (final decisions only) and publish the updated item. */
  announce(updated: Row, final: boolean, by: string): void;
  item(row: Row): Item;
};

/** What every decision uses: the store (for the audit log) and the per-user decision rate limit. */
export type DecisionRules = { db: Db; limits: Pick<RateLimits, "decision"> };

/** Applies the decision to an open item; returns the updated item. */
export async function decideOpenItem<Row, Item>(
  { db, limits }: DecisionRules,
  principal: Principal,
  id: string,
  request: DecisionRequest,
  now: number,
  store: DecisionStore<Row, Item>,
): Promise<Item> {
  await limits.decision(principal.id);
  const { decision, reason } = request;
  const decidedBy = actorLabel(principal);
  const action = `${store.kind}.${decision}`;
  const target = `${store.kind}:${id}`;
  const noun = store.kind === "prediction" ? "proposal" : store.kind;

  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await store.load(id);
    if (!row) throw new ApiError(404, "not_found", `${capitalise(store.kind)} not found.`);
    const v = store.view(row);
    const refuse = async (status: number, code: string, message: string, result: "conflict" | "denied"): Promise<never> => {
      await audit(db, {
        actor: principal,
        action,
        target,
        result,
        swarmId: v.swarmId,
        detail: { status: v.closedAs ?? "open", reason, first_approved_by: v.firstApprovedBy },
      });
      throw new ApiError(status, code, message);
    };
    if (v.closedAs !== null)
      await refuse(
        409,
        "not_open",
        `The ${noun} is no longer open (it is ${v.closedAs}${v.decidedBy ? `, decided by ${v.decidedBy}` : ""}).`,
        "conflict",
      );
    if (decision === "approve" && request.actionHash !== undefined && request.actionHash !== v.actionHash) {
      await refuse(409, "action_changed", `The ${noun} is not the one you approved (its action differs); review it again.`, "denied");
    }
    const twoPerson = decision === "approve" && storedSettings(v.settings).two_person_approval.includes(v.failureType);
    if (twoPerson && v.firstApprovedBy === decidedBy)
      await refuse(403, "second_approver_required", `This high-risk ${noun} needs a second approval by someone else.`, "denied");

    if (twoPerson && v.firstApprovedBy === null) {
      if (!(await store.claimFirstApproval(id, decidedBy, now))) continue; // someone else approved or decided meanwhile: look again
      const updated = (await store.load(id))!;
      await audit(db, {
        actor: principal,
        action,
        target,
        result: "ok",
        swarmId: v.swarmId,
        detail: { stage: "first of two approvals", reason, ...v.detail },
      });
      store.announce(updated, false, decidedBy);
      return store.item(updated);
    }

    if (!(await store.close(id, row, decision, decidedBy, now))) continue; // the first decision stood; the next pass reports it
    const updated = (await store.load(id))!;
    await audit(db, {
      actor: principal,
      action,
      target,
      result: "ok",
      swarmId: v.swarmId,
      detail: { reason, ...v.detail, first_approved_by: v.firstApprovedBy },
    });
    store.announce(updated, true, decidedBy);
    return store.item(updated);
  }
  const last = await store.load(id);
  throw new ApiError(409, "not_open", `The ${noun} is no longer open (it is ${last ? (store.view(last).closedAs ?? "open") : "gone"}).`);
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
