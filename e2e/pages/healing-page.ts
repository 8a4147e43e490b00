// Page object of /swarms/{swarm}/healing (MTTR trend, strategy effectiveness, filterable history).
import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** The healing screen. */
export class HealingPage {
  readonly heading: Locator;
  readonly mttrPanel: Locator;
  readonly mttrChart: Locator;
  readonly mttrBucket: Locator;
  readonly strategyPanel: Locator;
  readonly strategyRows: Locator;
  readonly history: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Healing" });
    this.mttrPanel = page.getByTestId("mttr-panel");
    this.mttrChart = this.mttrPanel.getByTestId("mttr-chart");
    this.mttrBucket = this.mttrPanel.getByTestId("mttr-bucket");
    this.strategyPanel = page.getByTestId("strategy-panel");
    this.strategyRows = this.strategyPanel.getByTestId("strategy-row");
    this.history = page.getByTestId("healing-history");
    this.rows = this.history.getByTestId("healing-row");
  }

  /** Opens the screen of `swarm` (with an optional query string) and waits for its heading. */
  async goto(swarm: string, query = ""): Promise<void> {
    await this.page.goto(`/swarms/${swarm}/healing${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The history filter labelled `label` ("Strategy", "Failure type", "Trigger", "Status"). */
  filter(label: string): Locator {
    return this.history.getByRole("group", { name: "Healing filters" }).getByLabel(label);
  }

  /** The MTTR range toggle labelled `label` ("1 h", "24 h", "7 d", "30 d", "Custom"). */
  rangeButton(label: string): Locator {
    return this.mttrPanel.getByRole("group", { name: "MTTR range" }).getByRole("button", { name: label, exact: true });
  }

  /** Presses a range toggle and returns the analytics/mttr request it caused. */
  async chooseRange(label: string): Promise<URL> {
    const [request] = await Promise.all([
      this.page.waitForRequest((r: Request) => r.url().includes("/analytics/mttr?")),
      this.rangeButton(label).click(),
    ]);
    await expect(this.rangeButton(label)).toHaveAttribute("aria-pressed", "true");
    return new URL(request.url());
  }

  /** The MTTR chart's x-axis labels as drawn. */
  async xAxisLabels(): Promise<string[]> {
    return this.mttrChart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  }

  /** The history row of a healing whose cells contain all of `texts`. */
  row(...texts: string[]): Locator {
    return texts.reduce((rows, t) => rows.filter({ hasText: t }), this.rows);
  }
}
