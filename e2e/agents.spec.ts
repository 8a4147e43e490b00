// The agents screen: the demo swarm's agents in a sortable, paginated table, and one agent's drill-down.
import path from "node:path";
import { expect, test } from "./fixtures";

test("the demo agents are listed with their figures, and an agent drills down to its tasks, failures and healings", async ({
  agentsPage,
}, testInfo) => {
  await agentsPage.goto("demo");
  await expect(agentsPage.rows.first()).toBeVisible();
  const count = await agentsPage.rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(50);
  await expect(agentsPage.range).toHaveText(/^1–\d+ of \d+$/);

  const first = agentsPage.rows.first();
  const agent = await first.getAttribute("data-agent");
  if (!agent) throw new Error("row without an agent id");
  await agentsPage.search.fill(agent);
  await expect(agentsPage.row(agent)).toBeVisible();
  await agentsPage.search.fill("");
  await expect(agentsPage.rows.first()).toBeVisible();

  const shots = path.join(testInfo.project.outputDir, "screenshots");
  await agentsPage.page.screenshot({ path: path.join(shots, "agents.png"), fullPage: true });

  await agentsPage.open(agent);
  await expect(agentsPage.summary).toBeVisible();
  await expect(agentsPage.events.locator("tbody tr").first()).toBeVisible({ timeout: 15_000 });
  await expect(agentsPage.failures).toBeVisible();
  await expect(agentsPage.healings).toBeVisible();
  await agentsPage.page.screenshot({ path: path.join(shots, "agent-detail.png"), fullPage: true });
});
