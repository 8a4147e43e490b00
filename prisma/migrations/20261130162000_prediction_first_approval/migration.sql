-- S2: two-person approval of high-risk proposals records the first approver until a different one confirms.
ALTER TABLE "predictions" ADD COLUMN "first_approved_by" TEXT;
ALTER TABLE "predictions" ADD COLUMN "first_approved_at" TIMESTAMPTZ(3);
