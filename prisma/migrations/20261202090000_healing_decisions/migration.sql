-- Operator decisions on healings that wait for approval (a detected failure under policy "approve"): who decided,
-- when and why, and the first of two approvals for failure types marked high-risk.
ALTER TABLE "healings" ADD COLUMN "decided_by" TEXT;
ALTER TABLE "healings" ADD COLUMN "decided_at" TIMESTAMPTZ(3);
ALTER TABLE "healings" ADD COLUMN "decision_reason" TEXT;
ALTER TABLE "healings" ADD COLUMN "first_approved_by" TEXT;
ALTER TABLE "healings" ADD COLUMN "first_approved_at" TIMESTAMPTZ(3);
