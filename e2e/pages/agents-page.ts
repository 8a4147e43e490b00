// Page object of /swarms/{swarm}/agents and the agent drill-down.
import { expect, type Locator, type Page } from "@playwright/test";

/** The agent table and the drill-down of one agent. */
export class AgentsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly range: Locator;
  readonly nextPage: Locator;
  readonly summary: Locator;
  readonly events: Locator;
  readonly failures: Locator;
  readonly healings: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId("agents-table");
    this.rows = this.table.getByTestId("agent-row");
    this.search = page.getByRole("searchbox", { name: "Search agents" });
    this.range = page.getByTestId("agent-range");
    this.nextPage = page.getByRole("button", { name: "Next" });
    this.summary = page.getByTestId("agent-summary");
    this.events = page.getByTestId("agent-events");
    this.failures = page.getByTestId("agent-failures");
    this.healings = page.getByTestId("agent-healings");
  }

  /** Opens the agent table of `swarm` and waits for it. */
  async goto(swarm: string): Promise<void> {
    await this.page.goto(`/swarms/${swarm}/agents`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** The row of one agent. */
  row(agent: string): Locator {
    return this.rows.and(this.page.locator(`[data-agent="${agent}"]`));
  }

  /** Follows the agent's link to its drill-down. */
  async open(agent: string): Promise<void> {
    await this.row(agent).getByRole("link", { name: agent }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: agent })).toBeVisible();
  }
}
