// The predictions screen: a prediction made for a failing agent shows in the list with its source, confidence and
// status; the quality figures and the 70 % target are shown; filters narrow the list and live in the URL. Each test
// predicts for an agent of its own, so what other specs did to the shared swarm cannot hide its prediction.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, degradedAgent, type Ingest, seeded, test } from "./fixtures";

type Prediction = { id: string; source: string; status: string; confidence: number; agent_id: string | null; failure_type: string };

/** Makes the engine predict a fresh agent going down and returns that prediction (as the API lists it). */
async function predictFor(ingest: Ingest, request: APIRequestContext): Promise<Prediction> {
  const { swarm } = seeded();
  const agent = `e2e-pred-${randomUUID().slice(0, 8)}`;
  expect((await ingest(degradedAgent(agent))).status).toBe(202);
  let found: Prediction | undefined;
  await expect(async () => {
    const list = await request.get(`/api/v1/swarms/${swarm}/predictions?status=all&limit=200`);
    found = ((await list.json()) as { items: Prediction[] }).items.find((p) => p.agent_id === agent);
    expect(found).toBeDefined();
  }).toPass({ timeout: 20_000 });
  return found!;
}

test("a prediction shows in the list, beside the quality metrics against the 70% target", async ({
  predictionsPage,
  ingest,
  page,
}, testInfo) => {
  const { swarm } = seeded();
  const queued = await predictFor(ingest, page.request);

  await predictionsPage.goto(swarm);
  await expect(predictionsPage.metric("total")).toContainText(/[1-9]/);
  for (const key of ["accuracy", "precision", "recall", "false_positive_rate", "median-lead"])
    await expect(predictionsPage.metric(key)).toBeVisible();
  await expect(predictionsPage.metric("accuracy")).toContainText(/\d+(\.\d)?%|—/);
  await expect(predictionsPage.qualityChart).toContainText("Target 70%");
  await expect(predictionsPage.leadTimeChart.locator(".recharts-xAxis-tick-labels")).toContainText("< 30 s");
  await expect(predictionsPage.rangeButton("24 h")).toHaveAttribute("aria-pressed", "true");
  const [overview] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/analytics/overview?range=7d")),
    predictionsPage.rangeButton("7 d").click(),
  ]);
  expect(overview).toBeTruthy();
  await expect(predictionsPage.rangeButton("7 d")).toHaveAttribute("aria-pressed", "true");

  const row = predictionsPage.list.locator(`[data-id="${queued.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(queued.source);
  await expect(row).toContainText(queued.failure_type.replace(/_/g, " "));
  await expect(row).toContainText(`${Math.round(queued.confidence * 100)}%`);
  await expect(row.locator("td:nth-of-type(5)")).toHaveText(/^(observed|open|approved|expired)$/); // open until decided or expired
  await expect(predictionsPage.patterns.getByRole("heading", { name: "Learned patterns" })).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath("predictions-page.png"), fullPage: true });
});

test("status and confidence filters narrow the list and survive a reload", async ({ predictionsPage, ingest, page }) => {
  const { swarm } = seeded();
  const queued = await predictFor(ingest, page.request);
  const ours = predictionsPage.list.locator(`[data-id="${queued.id}"]`);

  await predictionsPage.goto(swarm);
  await expect(ours).toBeVisible();

  // Ours is not rejected: the filter hides it, and every row left (if any) is rejected.
  await predictionsPage.filter("Status").selectOption("rejected");
  await expect(page).toHaveURL(/[?&]status=rejected/);
  await expect(ours).toHaveCount(0);
  for (const status of await predictionsPage.rows.locator("td:nth-of-type(5)").allTextContents()) expect(status).toBe("rejected");

  await page.reload();
  await expect(predictionsPage.filter("Status")).toHaveValue("rejected");
  await expect(ours).toHaveCount(0);

  await predictionsPage.filter("Status").selectOption("");
  await expect(ours).toBeVisible();

  // Confidence never changes: a minimum above it hides the prediction, one at or below keeps it.
  const above = ["0.5", "0.7", "0.9"].find((v) => Number(v) > queued.confidence);
  const atOrBelow = ["0.9", "0.7", "0.5"].find((v) => Number(v) <= queued.confidence);
  if (above) {
    await predictionsPage.filter("Minimum confidence").selectOption(above);
    await expect(page).toHaveURL(new RegExp(`min_confidence=${above.replace(".", "\\.")}`));
    await expect(ours).toHaveCount(0);
    for (const c of await predictionsPage.rows.locator("td:nth-of-type(4)").allTextContents())
      expect(Number.parseInt(c)).toBeGreaterThanOrEqual(Number(above) * 100);
  }
  if (atOrBelow) {
    await predictionsPage.filter("Minimum confidence").selectOption(atOrBelow);
    await expect(ours).toBeVisible();
  }
});
