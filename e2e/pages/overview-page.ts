// Page object of /swarms/{swarm} (the live overview).
import { expect, type Locator, type Page } from "@playwright/test";
import { parseFigure } from "./swarms-page";

/** One healing proposal card. */
export class ProposalCard {
  readonly approveButton: Locator;
  readonly rejectButton: Locator;
  readonly decision: Locator;
  readonly error: Locator;

  constructor(
    readonly root: Locator,
    private readonly page: Page,
  ) {
    this.approveButton = root.getByRole("button", { name: "Approve" });
    this.rejectButton = root.getByRole("button", { name: "Reject" });
    this.decision = root.getByTestId("proposal-decision");
    this.error = root.getByTestId("proposal-error");
  }

  /** The prediction id behind the card. */
  async id(): Promise<string> {
    const id = await this.root.getAttribute("data-id");
    if (!id) throw new Error("proposal card without an id");
    return id;
  }

  /** Opens the decision dialog, types the reason and confirms; resolves with the API's status. */
  async decide(decision: "approve" | "reject", reason: string): Promise<number> {
    await (decision === "approve" ? this.approveButton : this.rejectButton).click();
    const dialog = this.page.getByRole("dialog", { name: decision === "approve" ? "Approve proposal" : "Reject proposal" });
    await dialog.getByLabel(/Reason/).fill(reason);
    const [response] = await Promise.all([
      this.page.waitForResponse(
        (r) => r.url().includes("/api/v1/predictions/") && r.url().endsWith(`/${decision}`) && r.request().method() === "POST",
      ),
      dialog.getByRole("button", { name: decision === "approve" ? "Approve" : "Reject", exact: true }).click(),
    ]);
    return response.status();
  }
}

/** The overview of one swarm. */
export class OverviewPage {
  readonly connectionStatus: Locator;
  readonly healthGauge: Locator;
  readonly healthScore: Locator;
  readonly eventsPerS: Locator;
  readonly eventsTotal: Locator;
  readonly activeAgents: Locator;
  readonly bottlenecks: Locator;
  readonly proposals: Locator;
  readonly healings: Locator;
  readonly themeToggle: Locator;
  readonly demoControls: Locator;

  constructor(readonly page: Page) {
    this.connectionStatus = page.getByTestId("connection-status");
    this.healthGauge = page.getByTestId("health-gauge");
    this.healthScore = page.getByTestId("health-score");
    this.eventsPerS = page.getByTestId("tile-events-per-s");
    this.eventsTotal = page.getByTestId("tile-events-total");
    this.activeAgents = page.getByTestId("tile-active-agents");
    this.bottlenecks = page.getByTestId("bottlenecks").getByTestId("bottleneck");
    this.proposals = page.getByTestId("proposals");
    this.healings = page.getByTestId("healings").getByTestId("healing");
    this.themeToggle = page.getByTestId("theme-toggle");
    this.demoControls = page.getByTestId("demo-controls");
  }

  /** Opens the overview of `swarm` and waits until the socket is live and the first tick is shown. */
  async goto(swarm: string): Promise<void> {
    await this.page.goto(`/swarms/${swarm}`);
    await expect(this.page.getByRole("heading", { level: 1, name: `Overview of ${swarm}` })).toBeAttached();
    await expect(this.connectionStatus).toHaveAttribute("data-status", "live");
    await expect(this.healthGauge).toBeVisible();
  }

  /** The events/s figure shown. */
  async eventsPerSecond(): Promise<number> {
    return parseFigure(await this.eventsPerS.textContent());
  }

  /** The events total shown under events/s ("1,234 total"). */
  async totalEvents(): Promise<number> {
    return parseFigure((await this.eventsTotal.textContent())?.replace(" total", "") ?? null);
  }

  /** Active bottlenecks of a type. */
  bottleneck(type: string): Locator {
    return this.bottlenecks.and(this.page.locator(`[data-type="${type}"]`));
  }

  /** The proposal card about `agent`. */
  proposalFor(agent: string): ProposalCard {
    return new ProposalCard(this.proposals.getByTestId("proposal").filter({ hasText: `on ${agent}` }), this.page);
  }

  /** The proposal card of the prediction `id`. */
  proposal(id: string): ProposalCard {
    return new ProposalCard(this.proposals.getByTestId("proposal").and(this.page.locator(`[data-id="${id}"]`)), this.page);
  }

  /** The healing carrying the proposal `predictionId`. */
  healingOf(predictionId: string): Locator {
    return this.healings.and(this.page.locator(`[data-prediction="${predictionId}"]`));
  }

  /** Switches the theme and waits until <html> says so. */
  async setTheme(theme: "dark" | "light"): Promise<void> {
    const html = this.page.locator("html");
    if ((await html.getAttribute("data-theme")) !== theme) await this.themeToggle.click();
    await expect(html).toHaveAttribute("data-theme", theme);
  }
}
