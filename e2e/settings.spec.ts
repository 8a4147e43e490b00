// Settings: an admin switches a policy from approve to auto and the next matching failure heals automatically
// (the test acts as the swarm's coordinator); ingest keys are created (shown once) and revoked in the UI; the swarm's
// retention is validated inline and saved.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, seeded, test } from "./fixtures";
import { healingOfAgent, pullCommands, reportCommand } from "./swarm-api";

test("switching agent_down from approve to auto makes the next failure heal automatically", async ({
  page,
  settingsPage,
  ingest,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { swarm, ingestKey } = seeded();
  const run = randomUUID().slice(0, 8);
  await settingsPage.goto(swarm);

  await settingsPage.setPolicy("agent_down", "Detected", "approve");
  const waiting = `agent-approve-${run}`;
  expect((await ingest([{ type: "agent_down", agent_id: waiting, timestamp: Date.now() }])).status).toBe(202);
  await expect
    .poll(async () => (await healingOfAgent(page.request, swarm, waiting))?.status, { message: "a proposal, not a healing" })
    .toBe("pending");

  await settingsPage.page.reload();
  await expect(settingsPage.policy("agent_down", "Detected")).toHaveValue("approve");
  await settingsPage.setPolicy("agent_down", "Detected", "auto");
  const healed = `agent-auto-${run}`;
  expect((await ingest([{ type: "agent_down", agent_id: healed, timestamp: Date.now() }])).status).toBe(202);
  await expect
    .poll(async () => (await healingOfAgent(page.request, swarm, healed))?.status, { message: "healing started at once" })
    .toBe("running");

  // As the coordinator: restart the agent, report success, and the agent's heartbeat verifies the healing.
  const coordinator = await playwright.request.newContext({ baseURL: baseURL! });
  let restart: { id: string } | undefined;
  await expect
    .poll(
      async () => {
        restart ??= (await pullCommands(coordinator, ingestKey, 2)).find((c) => c.kind === "restart_agent" && c.params.agent_id === healed);
        return restart !== undefined;
      },
      { message: "restart_agent command delivered" },
    )
    .toBe(true);
  await reportCommand(coordinator, ingestKey, restart!.id, "succeeded");
  await coordinator.dispose();
  expect((await ingest([{ type: "heartbeat", agent_id: healed, timestamp: Date.now() }])).status).toBe(202);
  await expect
    .poll(async () => await healingOfAgent(page.request, swarm, healed))
    .toMatchObject({ status: "succeeded", trigger: "detected", strategy: "AgentRestartStrategy" });
  expect((await healingOfAgent(page.request, swarm, waiting))?.status).toBe("pending");
});

test("an ingest key created in the UI works until it is revoked there, then is refused at once", async ({
  settingsPage,
  playwright,
  baseURL,
}, testInfo) => {
  const { swarm } = seeded();
  const name = `ui-key-${randomUUID().slice(0, 8)}`;
  await settingsPage.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await settingsPage.goto(swarm);
  const key = await settingsPage.createKey(name);
  await settingsPage.keysSection.getByRole("button", { name: "Copy" }).click();
  await expect(settingsPage.keysSection.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await settingsPage.page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expect(settingsPage.keyRow(name)).toContainText("active");

  const api = await playwright.request.newContext({ baseURL: baseURL! });
  const post = () =>
    api.post("/api/v1/events", {
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      data: [{ type: "heartbeat", agent_id: "key-agent", timestamp: Date.now() }],
    });
  expect((await post()).status()).toBe(202);

  const shot = path.join(testInfo.project.outputDir, "screenshots", "settings.png");
  await settingsPage.page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("settings", { path: shot, contentType: "image/png" });

  await settingsPage.keysSection.getByRole("button", { name: "Done" }).click();
  await expect(settingsPage.newKey).toBeHidden();
  await settingsPage.revokeKey(name);
  expect((await post()).status()).toBe(401);
  await api.dispose();
});

test("retention: an invalid pair is refused on its field, a valid one is saved and shown after a reload", async ({ settingsPage }) => {
  const { swarm } = seeded();
  await settingsPage.goto(swarm);
  const events = settingsPage.retentionSection.getByLabel("Raw events (days)");
  const history = settingsPage.retentionSection.getByLabel("History: charts, analytics and healings (days)");
  await expect(events).toHaveValue("30");
  await expect(history).toHaveValue("400");

  await expect(await settingsPage.saveRetention("90", "60")).toContainText("Not saved");
  await expect(settingsPage.retentionSection.getByText("must be at least the events retention (90 days)")).toBeVisible();
  await expect(history).toHaveAttribute("aria-invalid", "true");

  await expect(await settingsPage.saveRetention("14", "500")).toHaveText("Saved");
  await settingsPage.page.reload();
  await expect(events).toHaveValue("14");
  await expect(history).toHaveValue("500");
  await expect(await settingsPage.saveRetention("30", "400")).toHaveText("Saved");
});
