// The predictions screen: a prediction made from a rising queue shows in the list with its source, confidence and
// status; the quality figures and the 70 % target are shown; filters narrow the list and live in the URL.
import { expect, seeded, test } from "./fixtures";

type Prediction = { id: string; source: string; status: string; confidence: number };

test("a prediction shows in the list, beside the quality metrics against the 70% target", async ({ predictionsPage, ingest, page }, testInfo) => {
  const { swarm } = seeded();
  // A rising queue with more and more high-priority work: the queue source predicts a task timeout (an open proposal).
  const now = Date.now();
  const res = await ingest([40, 60, 80].map((depth, i) => ({ type: "queue_metric", timestamp: now - (2 - i) * 10_000, metadata: { queue_depth: depth, high_priority_count: 8 + 3 * i } })));
  expect(res.status).toBe(202);
  let queued: Prediction | undefined;
  await expect(async () => {
    const list = await page.request.get(`/api/v1/swarms/${swarm}/predictions?status=all`);
    queued = ((await list.json()) as { items: Prediction[] }).items.find((p) => p.source === "queue");
    expect(queued).toBeDefined();
  }).toPass({ timeout: 20_000 });

  await predictionsPage.goto(swarm);
  await expect(predictionsPage.metric("total")).toContainText(/[1-9]/);
  for (const key of ["accuracy", "precision", "recall", "false_positive_rate", "median-lead"]) await expect(predictionsPage.metric(key)).toBeVisible();
  await expect(predictionsPage.metric("accuracy")).toContainText(/\d+(\.\d)?%|—/);
  await expect(predictionsPage.qualityChart).toContainText("Target 70%");
  await expect(predictionsPage.leadTimeChart.locator(".recharts-xAxis-tick-labels")).toContainText("< 30 s");
  await expect(predictionsPage.rangeButton("24 h")).toHaveAttribute("aria-pressed", "true");
  const [overview] = await Promise.all([page.waitForRequest((r) => r.url().includes("/analytics/overview?range=7d")), predictionsPage.rangeButton("7 d").click()]);
  expect(overview).toBeTruthy();
  await expect(predictionsPage.rangeButton("7 d")).toHaveAttribute("aria-pressed", "true");

  const row = predictionsPage.list.locator(`[data-id="${queued!.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("queue");
  await expect(row).toContainText("task timeout");
  await expect(row).toContainText(`${Math.round(queued!.confidence * 100)}%`);
  await expect(row.locator("td:nth-of-type(5)")).toHaveText(/^(observed|open|approved|expired)$/); // open until decided or expired
  await expect(predictionsPage.patterns.getByRole("heading", { name: "Learned patterns" })).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath("predictions-page.png"), fullPage: true });
});

test("status and confidence filters narrow the list and survive a reload", async ({ predictionsPage, ingest, page }) => {
  const { swarm } = seeded();
  const now = Date.now();
  expect((await ingest([30, 55, 90].map((depth, i) => ({ type: "queue_metric", timestamp: now - (2 - i) * 5_000, metadata: { queue_depth: depth, high_priority_count: 10 + 4 * i } })))).status).toBe(202);
  let queued: Prediction | undefined;
  await expect(async () => {
    const list = await page.request.get(`/api/v1/swarms/${swarm}/predictions?status=all`);
    queued = ((await list.json()) as { items: Prediction[] }).items.find((p) => p.source === "queue");
    expect(queued).toBeDefined();
  }).toPass({ timeout: 20_000 });
  const ours = predictionsPage.list.locator(`[data-id="${queued!.id}"]`);

  await predictionsPage.goto(swarm);
  await expect(ours).toBeVisible();

  // Nobody rejects in this suite: the filter hides our prediction, and every row left (if any) is rejected.
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
  const above = ["0.5", "0.7", "0.9"].find((v) => Number(v) > queued!.confidence);
  const atOrBelow = ["0.9", "0.7", "0.5"].find((v) => Number(v) <= queued!.confidence);
  if (above) {
    await predictionsPage.filter("Minimum confidence").selectOption(above);
    await expect(page).toHaveURL(new RegExp(`min_confidence=${above.replace(".", "\\.")}`));
    await expect(ours).toHaveCount(0);
    for (const c of await predictionsPage.rows.locator("td:nth-of-type(4)").allTextContents()) expect(Number.parseInt(c)).toBeGreaterThanOrEqual(Number(above) * 100);
  }
  if (atOrBelow) {
    await predictionsPage.filter("Minimum confidence").selectOption(atOrBelow);
    await expect(ours).toBeVisible();
  }
});
