// The proposal card tells what an approval did: an agent reporting degraded health twice is proposed for a restart;
// approving it on the overview shows the healing running, its restart_agent command sent to the coordinator (this
// test plays the coordinator), then "Healed" once the agent's healthy heartbeat verifies it, with a link to the
// healing in the healing history. The degraded agent's first report is only an observation: never a decision.
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Locator } from "@playwright/test";
import { type Coordinator, expect, type Ingest, seeded, test } from "./fixtures";

type Prediction = { id: string; status: string; agent_id: string | null; reasoning: string };

/** Posts events and expects them accepted. */
async function send(ingest: Ingest, events: Record<string, unknown>[]): Promise<void> {
  const res = await ingest(events);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
}

/** The agent's predictions with `status`, polled until there is one. */
async function predictionOf(request: APIRequestContext, agent: string, status: string): Promise<Prediction> {
  let found: Prediction | undefined;
  await expect(async () => {
    const res = await request.get(`/api/v1/swarms/${seeded().swarm}/predictions?status=${status}&limit=200`);
    expect(res.status()).toBe(200);
    found = ((await res.json()) as { items: Prediction[] }).items.find((p) => p.agent_id === agent);
    expect(found, `a ${status} prediction for ${agent}`).toBeDefined();
  }).toPass({ timeout: 20_000 });
  return found!;
}

/** Plays the coordinator until the restart_agent command for `agent` is claimed (claiming dispatches it); returns its id. */
async function claimRestart(coordinator: Coordinator, agent: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        for (const c of await coordinator.pull(3)) {
          if (c.kind === "restart_agent" && c.params.agent_id === agent) id = c.id;
          else await coordinator.report(c.id, "succeeded"); // another test's command on the shared swarm
        }
        return id;
      },
      { message: `restart_agent for ${agent} reaches the coordinator`, timeout: 30_000, intervals: [0] },
    )
    .toBeDefined();
  return id!;
}

const shoot = (card: Locator, state: string) => card.screenshot({ path: `/tmp/cardflow-${state}.png` });

test("approving a proposal on its card shows the healing run, its command delivered, and the agent healed", async ({
  overviewPage,
  healingPage,
  predictionsPage,
  ingest,
  coordinator,
  page,
}) => {
  const { swarm, admin } = seeded();
  const agent = `e2e-card-${randomUUID().slice(0, 8)}`;
  const peer = `${agent}-peer`;
  await overviewPage.goto(swarm);

  const t0 = Date.now();
  await send(ingest, [
    { type: "heartbeat", agent_id: agent, timestamp: t0 - 4_000, health_state: "healthy" },
    { type: "heartbeat", agent_id: peer, timestamp: t0 - 4_000, health_state: "healthy" },
  ]);
  // One degraded report is only an observation: listed with its reasoning, never with Approve / Reject.
  await send(ingest, [{ type: "heartbeat", agent_id: agent, timestamp: t0 - 2_000, health_state: "degraded" }]);
  const observed = await predictionOf(page.request, agent, "observed");
  expect(observed.reasoning).toContain("degraded health");
  await expect(overviewPage.proposals.getByTestId("proposal").filter({ hasText: `on ${agent}` })).toHaveCount(0);

  // A second one in a row makes it a proposal for a restart.
  await send(ingest, [{ type: "heartbeat", agent_id: agent, timestamp: Date.now(), health_state: "degraded" }]);
  const card = overviewPage.proposalFor(agent);
  await expect(card.root).toHaveAttribute("data-status", "open", { timeout: 20_000 });
  await expect(card.root).toContainText("reported degraded health in its last 2 heartbeats");
  await expect(card.approveButton).toBeVisible();
  const proposalId = await card.id();
  await shoot(card.root, "open");

  expect(await card.decide("approve", "degrading, restart it now")).toBe(200);
  await expect(card.decision).toContainText(`Approved by ${admin.email}`);
  const outcome = card.root.getByTestId("proposal-outcome");
  await expect(outcome).toHaveAttribute("data-state", "running", { timeout: 15_000 });
  await expect(outcome).toContainText("Healing running — "); // "restart_agent queued …" once its pending command is known
  await expect(card.approveButton).toHaveCount(0);
  await shoot(card.root, "running");

  // The coordinator claims the command: the card says it was sent.
  const command = await claimRestart(coordinator, agent);
  await expect(outcome).toContainText("Healing running — restart_agent sent to the coordinator (dispatched)");
  await shoot(card.root, "dispatched");

  // It reports success and the agent comes back healthy: healed, on the card and in the healing list.
  await coordinator.report(command, "succeeded");
  await expect(outcome).toContainText("restart_agent done by the coordinator (succeeded); verifying the recovery");
  await send(ingest, [{ type: "heartbeat", agent_id: agent, timestamp: Date.now(), health_state: "healthy" }]);
  await expect(outcome).toHaveAttribute("data-state", "healed", { timeout: 15_000 });
  await expect(outcome).toContainText("Healed");
  const healing = overviewPage.healingOf(proposalId);
  await expect(healing).toHaveAttribute("data-status", "succeeded");
  await expect(healing.getByTestId("command")).toHaveAttribute("data-status", "succeeded");
  const link = outcome.getByTestId("proposal-healing-link");
  await expect(link).toHaveAttribute("data-healing", (await healing.getAttribute("data-id"))!);
  await shoot(card.root, "healed");

  // The link opens the healing history filtered to it.
  await link.click();
  await expect(page).toHaveURL(/\/healing\?trigger=preventive&strategy=AgentRestartStrategy&failure_type=agent_down$/);
  await expect(healingPage.row("restart_agent", agent)).toContainText("succeeded");

  // The predictions screen says the same of the approved proposal.
  await predictionsPage.goto(swarm, "?status=approved");
  const row = predictionsPage.list.locator(`[data-id="${proposalId}"]`);
  await expect(row.getByTestId("proposal-outcome")).toHaveAttribute("data-state", "healed");
});

test("an observation is listed with its reasoning and never offers a decision", async ({ overviewPage, predictionsPage, ingest, page }) => {
  const { swarm } = seeded();
  const agent = `e2e-observed-${randomUUID().slice(0, 8)}`;
  const t0 = Date.now();
  await send(ingest, [
    { type: "heartbeat", agent_id: agent, timestamp: t0 - 2_000, health_state: "healthy" },
    { type: "heartbeat", agent_id: agent, timestamp: t0, health_state: "degraded" },
  ]);
  const observed = await predictionOf(page.request, agent, "observed");

  await predictionsPage.goto(swarm, "?status=observed");
  const row = predictionsPage.list.locator(`[data-id="${observed.id}"]`);
  await expect(row).toHaveAttribute("data-status", "observed");
  await expect(row.getByTestId("prediction-reasoning")).toHaveText(observed.reasoning);
  await expect(row.getByTestId("proposal-outcome")).toHaveText("An observation, not a proposal: there is nothing to approve.");
  await expect(row.getByRole("button")).toHaveCount(0);
  await row.screenshot({ path: "/tmp/cardflow-observed.png" });

  await overviewPage.goto(swarm);
  await expect(overviewPage.proposals.getByTestId("proposal").filter({ hasText: `on ${agent}` })).toHaveCount(0);
});
