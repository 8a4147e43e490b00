// The healing screen: a failure healed through the coordinator link shows in the history and the strategy
// chart; filters narrow the table and survive a reload; the MTTR chart follows the chosen range.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { type Coordinator, expect, type Ingest, seeded, test } from "./fixtures";

type Healing = { id: string; status: string; strategy: string; commands: { params: { agent_id?: string } }[] };

/** The newest healing whose commands target `agent`, read through the API with the page's session. */
async function healingOf(request: APIRequestContext, swarm: string, agent: string): Promise<Healing | undefined> {
  const res = await request.get(`/api/v1/swarms/${swarm}/healings?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Healing[] }).items.find((h) => h.commands.some((c) => c.params.agent_id === agent));
}

/**
 * Takes `agent` down (a heartbeat, then heartbeat_failed → an agent_down failure → AgentRestartStrategy issues
 * restart_agent) and plays the swarm's coordinator: pulls the command, reports `outcome`, and on success
 * heartbeats again so verification passes, until the healing has finished with `outcome`.
 */
async function healAgent(
  ingest: Ingest,
  coordinator: Coordinator,
  request: APIRequestContext,
  agent: string,
  outcome: "succeeded" | "failed",
) {
  const { swarm } = seeded();
  const now = Date.now();
  expect(
    (
      await ingest([
        { type: "heartbeat", agent_id: agent, timestamp: now - 1_000 },
        { type: "heartbeat_failed", agent_id: agent, timestamp: now },
      ])
    ).status,
  ).toBe(202);
  let reported = false;
  await expect(async () => {
    for (const c of await coordinator.pull(2)) {
      if (c.params.agent_id !== agent) continue;
      await coordinator.report(c.id, outcome, `e2e ${outcome}`);
      reported = true;
    }
    if (reported && outcome === "succeeded")
      expect((await ingest([{ type: "heartbeat", agent_id: agent, timestamp: Date.now() }])).status).toBe(202);
    expect((await healingOf(request, swarm, agent))?.status).toBe(outcome);
  }).toPass({ timeout: 45_000 });
}

test("a healed failure shows in the history and in the strategy chart", async ({ healingPage, ingest, coordinator, page }, testInfo) => {
  const { swarm } = seeded();
  const agent = `heal-ok-${randomUUID().slice(0, 8)}`;
  await healAgent(ingest, coordinator, page.request, agent, "succeeded");

  await healingPage.goto(swarm);
  const row = healingPage.row(agent);
  await expect(row).toHaveCount(1);
  for (const text of ["Agent restart", "agent down", "detected", "succeeded", "restart_agent"]) await expect(row).toContainText(text);
  await expect(row.getByRole("cell").nth(3)).toHaveText(/\d+(\.\d+)? (ms|s|min)/); // heal duration, formatted
  await expect(row.getByRole("cell").nth(4)).toHaveText(/\d+(\.\d+)? (ms|s|min)/); // MTTR, formatted

  const strategy = healingPage.strategyRows.filter({ hasText: "Agent restart" });
  await expect(strategy).toHaveCount(1);
  await expect(strategy.getByRole("cell").first()).toHaveText(/^[1-9]\d*$/); // succeeded count
  await expect(strategy).toContainText(/keep|monitor|tune|investigate|replace/);
  await expect(strategy).toContainText(/[↑→↓]/);
  await expect(healingPage.strategyPanel.getByTestId("strategy-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(healingPage.mttrPanel.getByTestId("mttr-empty")).toHaveCount(0);

  await page.screenshot({ path: testInfo.outputPath("healing-page.png"), fullPage: true });
});

test("filters narrow the table, live in the URL and survive a reload", async ({ healingPage, ingest, coordinator, page }) => {
  const { swarm } = seeded();
  const ok = `filter-ok-${randomUUID().slice(0, 8)}`;
  const bad = `filter-bad-${randomUUID().slice(0, 8)}`;
  await healAgent(ingest, coordinator, page.request, ok, "succeeded");
  await healAgent(ingest, coordinator, page.request, bad, "failed");

  await healingPage.goto(swarm);
  await expect(healingPage.row(ok)).toHaveCount(1);
  await expect(healingPage.row(bad)).toHaveCount(1);

  await healingPage.filter("Status").selectOption("failed");
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(healingPage.row(bad)).toHaveCount(1);
  await expect(healingPage.row(ok)).toHaveCount(0);
  for (const status of await healingPage.rows.locator("td:nth-of-type(3)").allTextContents()) expect(status).toMatch(/^failed/); // the status, then why it ended

  await page.reload();
  await expect(healingPage.filter("Status")).toHaveValue("failed");
  await expect(healingPage.row(bad)).toHaveCount(1);
  await expect(healingPage.row(ok)).toHaveCount(0);

  await healingPage.filter("Trigger").selectOption("manual");
  await expect(page).toHaveURL(/trigger=manual/);
  await expect(healingPage.row(bad)).toHaveCount(0);

  await healingPage.history.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/status=|trigger=/);
  await expect(healingPage.row(ok)).toHaveCount(1);
  await expect(healingPage.row(bad)).toHaveCount(1);
});

test("the MTTR chart follows the range: request window, bucket size and axis labels change", async ({
  healingPage,
  ingest,
  coordinator,
  page,
}) => {
  const { swarm } = seeded();
  await healAgent(ingest, coordinator, page.request, `mttr-${randomUUID().slice(0, 8)}`, "succeeded");
  await healingPage.goto(swarm);
  await expect(healingPage.rangeButton("24 h")).toHaveAttribute("aria-pressed", "true");
  await expect(healingPage.mttrBucket).toHaveAttribute("data-bucket", "hour");
  await expect.poll(() => healingPage.xAxisLabels()).toContainEqual(expect.stringMatching(/^\d{2}:\d{2}$/));

  const month = await healingPage.chooseRange("30 d");
  expect(month.searchParams.get("bucket")).toBe("day");
  expect(Number(month.searchParams.get("to")) - Number(month.searchParams.get("from"))).toBeGreaterThan(29 * 86_400_000);
  await expect(healingPage.mttrBucket).toHaveAttribute("data-bucket", "day");
  await expect.poll(async () => (await healingPage.xAxisLabels()).every((l) => /^[A-Z][a-z]{2} \d{1,2}$/.test(l))).toBe(true);

  const hour = await healingPage.chooseRange("1 h");
  expect(hour.searchParams.get("bucket")).toBe("minute");
  expect(Number(hour.searchParams.get("to")) - Number(hour.searchParams.get("from"))).toBeLessThanOrEqual(3_600_000);
  await expect(healingPage.mttrBucket).toHaveAttribute("data-bucket", "minute");
  await expect.poll(async () => (await healingPage.xAxisLabels()).every((l) => /^\d{2}:\d{2}$/.test(l))).toBe(true);
  await expect(healingPage.mttrPanel.getByTestId("mttr-empty")).toHaveCount(0); // the healing just finished is in the last hour

  await healingPage.rangeButton("Custom").click();
  const form = healingPage.mttrPanel.getByRole("form", { name: "Custom range" });
  const from = new Date(Date.now() - 2 * 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await form.getByLabel("From").fill(from);
  const [custom] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/analytics/mttr?")),
    form.getByRole("button", { name: "Apply" }).click(),
  ]);
  expect(new URL(custom.url()).searchParams.get("bucket")).toBe("hour");
  await expect(healingPage.mttrBucket).toHaveAttribute("data-bucket", "hour");
  await expect.poll(async () => (await healingPage.xAxisLabels()).some((l) => /^[A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2}$/.test(l))).toBe(true);
});

test("the demo swarm heals an injected agent crash on its own; its screens show it", async ({ healingPage, page }, testInfo) => {
  test.setTimeout(150_000);
  const res = await page.request.post("/api/v1/demo/faults", {
    headers: { origin: seeded().baseURL },
    data: { scenario: "agent_crash", duration_s: 60 },
  }); // same-origin, as the browser would send it
  expect(res.status(), await res.text()).toBe(201);
  await expect(async () => {
    const list = await page.request.get("/api/v1/swarms/demo/healings?status=succeeded&limit=1");
    expect(((await list.json()) as { items: Healing[] }).items).toHaveLength(1);
  }).toPass({ timeout: 120_000 });

  await healingPage.goto("demo");
  await expect(healingPage.row("succeeded").first()).toBeVisible();
  await expect(healingPage.strategyRows.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("demo-healing-page.png"), fullPage: true });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.screenshot({ path: testInfo.outputPath("demo-healing-page-light.png"), fullPage: true });
  await page.goto("/swarms/demo/predictions");
  const quality = page.getByTestId("quality-panel");
  await expect(quality.getByTestId("metric-total")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("demo-predictions-page.png"), fullPage: true });
  await quality.screenshot({ path: testInfo.outputPath("demo-prediction-quality.png") });
});
