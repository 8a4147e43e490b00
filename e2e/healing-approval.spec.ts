// A detected failure under policy "approve" waits on the overview with Approve / Reject; approving it (with a reason)
// runs the healing: its restart command shows, and who decided stays on the row. On the spare swarm, so the shared
// e2e swarm keeps healing automatically.
import path from "node:path";
import { expect, seeded, test } from "./fixtures";

test("an operator approves a detected failure's healing on the overview; it runs and says who decided", async ({
  overviewPage,
  page,
  baseURL,
}, testInfo) => {
  const { admin, spareSwarm: swarm, spareIngestKey: key } = seeded();
  const headers = { origin: baseURL! };
  await overviewPage.goto(swarm); // signs the page in before the API calls below
  const current = (await (await page.request.get(`/api/v1/swarms/${swarm}/settings`)).json()) as {
    settings: { policy: { detected: Record<string, string> } };
  };
  const settings = {
    ...current.settings,
    policy: { ...current.settings.policy, detected: { ...current.settings.policy.detected, agent_down: "approve" } },
  };
  const put = await page.request.put(`/api/v1/swarms/${swarm}/settings`, { headers, data: settings });
  expect(put.status(), await put.text()).toBe(200);

  await overviewPage.goto(swarm);
  const agent = "agent-7";
  const ingest = await page.request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}` },
    data: [
      { type: "heartbeat", agent_id: agent, timestamp: Date.now() - 1000 },
      { type: "heartbeat_failed", agent_id: agent, timestamp: Date.now() },
    ],
  });
  expect(ingest.status()).toBe(202);

  const healing = overviewPage.healings.filter({ hasText: "Agent down" }).first();
  await expect(healing).toHaveAttribute("data-status", "pending", { timeout: 20_000 });
  await expect(healing.getByTestId("healing-status")).toHaveText("awaiting approval");
  await healing.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve healing" });
  await dialog.getByLabel(/Reason/).fill("confirmed with the on-call lead");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/v1/healings/") && r.url().endsWith("/approve") && r.request().method() === "POST"),
    dialog.getByRole("button", { name: "Approve", exact: true }).click(),
  ]);
  expect(response.status()).toBe(200);

  await expect(healing).toHaveAttribute("data-status", "running", { timeout: 15_000 });
  await expect(healing.getByTestId("command")).toContainText(`restart_agent ${agent}`);
  await expect(healing.getByTestId("healing-decision")).toContainText(`Decided by ${admin.email}`);
  await expect(healing.getByTestId("healing-decision")).toContainText("confirmed with the on-call lead");
  await expect(healing.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.screenshot({ path: path.join(testInfo.outputDir, "healing-approved.png"), fullPage: true });
});
