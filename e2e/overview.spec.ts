// The live overview: moving numbers on the demo swarm, a bottleneck and proposals appearing without reload, an
// operator approving one (the healing runs and finishes), a rejection seen at once in a second browser, and a viewer
// who may not decide. Events go to e2e-swarm with its ingest key, and this test answers its coordinator commands.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { APIRequestContext, TestInfo } from "@playwright/test";
import { expect, degradedAgent, seeded, test } from "./fixtures";

/** Plays the swarm's coordinator: claims commands until one `kind` for `agent` is claimed, reporting every claimed one as succeeded. */
async function completeCommand(api: APIRequestContext, kind: string, agent: string): Promise<void> {
  const auth = { authorization: `Bearer ${seeded().ingestKey}` };
  await expect
    .poll(
      async () => {
        const res = await api.get("/api/v1/commands?wait=5", { headers: auth });
        expect(res.status()).toBe(200);
        const claimed = (await res.json()) as { id: string; kind: string; params: { agent_id?: string } }[];
        for (const c of claimed)
          expect((await api.post(`/api/v1/commands/${c.id}/result`, { headers: auth, data: { status: "succeeded" } })).status()).toBe(200);
        return claimed.some((c) => c.kind === kind && c.params.agent_id === agent);
      },
      { message: `${kind} for ${agent} reaches the coordinator`, timeout: 30_000, intervals: [0] },
    )
    .toBe(true);
}

async function shot(page: import("@playwright/test").Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.join(testInfo.project.outputDir, "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

test("a viewer sees proposals but no approve buttons, and the API refuses their decision", async ({ overviewAs, ingest }) => {
  const { swarm, baseURL } = seeded();
  const viewer = await overviewAs("viewer");
  await viewer.goto(swarm);
  const agent = `e2e-viewer-${randomUUID().slice(0, 8)}`;
  expect((await ingest(degradedAgent(agent))).status).toBe(202);
  const card = viewer.proposalFor(agent);
  await expect(card.root).toBeVisible({ timeout: 20_000 });
  await expect(card.root).toContainText("Waiting for an operator's decision");
  await expect(viewer.proposals.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(viewer.proposals.getByRole("button", { name: "Reject" })).toHaveCount(0);
  const res = await viewer.page.request.post(`/api/v1/predictions/${await card.id()}/approve`, { headers: { origin: baseURL }, data: {} });
  expect(res.status()).toBe(403);
});

test("the demo swarm's overview shows live, moving numbers", async ({ overviewPage }, testInfo) => {
  await overviewPage.goto("demo");
  await expect.poll(() => overviewPage.eventsPerSecond(), { message: "demo events/s", timeout: 20_000 }).toBeGreaterThan(0);
  const first = await overviewPage.totalEvents();
  await expect.poll(() => overviewPage.totalEvents(), { message: "events total keeps growing", timeout: 20_000 }).toBeGreaterThan(first);
  await expect(overviewPage.healthScore).toHaveText(/^\d{1,3}$/);
  await expect(overviewPage.demoControls).toBeVisible();
  await overviewPage.healthGauge.focus();
  await expect(overviewPage.page.getByRole("tooltip")).toBeVisible();
  await overviewPage.page.locator("body").click({ position: { x: 5, y: 5 } });

  await overviewPage.setTheme("dark");
  await shot(overviewPage.page, testInfo, "overview-dark");
  await overviewPage.setTheme("light");
  await shot(overviewPage.page, testInfo, "overview-light");
  await overviewPage.page.reload();
  await expect(overviewPage.page.locator("html"), "the theme survives a reload (cookie read by the server)").toHaveAttribute(
    "data-theme",
    "light",
  );
  await overviewPage.setTheme("dark");
});

test("a queue backlog posted to e2e-swarm appears as a bottleneck without reload", async ({ overviewPage, ingest }) => {
  const { swarm } = seeded();
  await overviewPage.goto(swarm);
  const res = await ingest([
    {
      type: "resource_snapshot",
      timestamp: Date.now(),
      metadata: { queue: { pending_tasks: 250, by_priority: { CRITICAL: 5, HIGH: 10, MEDIUM: 100, LOW: 100, BACKGROUND: 35 } } },
    },
  ]);
  expect(res.status).toBe(202);
  const backlog = overviewPage.bottleneck("task_queue_backlog");
  await expect(backlog).toBeVisible({ timeout: 15_000 });
  await expect(backlog).toHaveAttribute("data-severity", "critical");
  await expect(backlog).toContainText("Task queue backlog");
  await expect(overviewPage.page.getByTestId("tile-queue-depth")).toHaveText("250");
});

test("an operator approves a proposal with a reason; the healing runs and its outcome shows", async ({
  overviewAs,
  ingest,
  playwright,
}) => {
  const { swarm, baseURL, operator } = seeded();
  const overview = await overviewAs("operator");
  await overview.goto(swarm);
  const agent = `e2e-flaky-${randomUUID().slice(0, 8)}`;
  expect((await ingest(degradedAgent(agent))).status).toBe(202);

  const card = overview.proposalFor(agent);
  await expect(card.root).toBeVisible({ timeout: 20_000 });
  await expect(card.root).toContainText("Agent down");
  await expect(card.root).toContainText("Restart the agent proactively");
  expect(await card.decide("approve", "flaky worker, restart it")).toBe(200);
  await expect(card.decision).toContainText(`Approved by ${operator.email}`);
  await expect(card.decision).toContainText("flaky worker, restart it");

  const healing = overview.healingOf(await card.id());
  await expect(healing).toHaveAttribute("data-status", "running");
  await expect(healing.getByTestId("command")).toContainText(`restart_agent ${agent}`);

  const api = await playwright.request.newContext({ baseURL });
  try {
    await completeCommand(api, "restart_agent", agent);
    await expect(healing.getByTestId("command")).toHaveAttribute("data-status", "succeeded");
    // The restarted agent's heartbeat verifies the healing.
    expect((await ingest([{ type: "heartbeat", agent_id: agent, timestamp: Date.now() }])).status).toBe(202);
    await expect(healing).toHaveAttribute("data-status", "succeeded", { timeout: 15_000 });
    await expect(healing.getByTestId("healing-status")).toHaveText("succeeded");
  } finally {
    await api.dispose();
  }
});

test("a rejection with a reason shows at once in a second browser on the overview", async ({ overviewAs, ingest }) => {
  const { swarm, admin } = seeded();
  const first = await overviewAs("admin");
  const second = await overviewAs("operator");
  await Promise.all([first.goto(swarm), second.goto(swarm)]);
  const agent = `e2e-reject-${randomUUID().slice(0, 8)}`;
  expect((await ingest(degradedAgent(agent))).status).toBe(202);

  const mine = first.proposalFor(agent);
  const theirs = second.proposalFor(agent);
  await expect(mine.root).toBeVisible({ timeout: 20_000 });
  await expect(theirs.root).toBeVisible();
  await expect(theirs.approveButton).toBeVisible();

  expect(await mine.decide("reject", "agent is being redeployed")).toBe(200);
  await expect(mine.decision).toContainText(`Rejected by ${admin.email}`);
  // Pushed by prediction.updated: no reload, no polling.
  await expect(theirs.decision).toContainText(`Rejected by ${admin.email}`, { timeout: 3_000 });
  await expect(theirs.decision).toContainText("agent is being redeployed");
  await expect(theirs.approveButton).toHaveCount(0);
});
