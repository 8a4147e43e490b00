// Page object of /swarms/{swarm}/predictions (quality against the target, lead times, the list, learned patterns).
import { expect, type Locator, type Page } from "@playwright/test";

/** The predictions screen. */
export class PredictionsPage {
  readonly heading: Locator;
  readonly quality: Locator;
  readonly qualityChart: Locator;
  readonly leadTimeChart: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly patterns: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Predictions" });
    this.quality = page.getByTestId("quality-panel");
    this.qualityChart = this.quality.getByTestId("quality-chart");
    this.leadTimeChart = this.quality.getByTestId("lead-time-chart");
    this.list = page.getByTestId("prediction-list");
    this.rows = this.list.getByTestId("prediction-row");
    this.patterns = page.getByTestId("patterns-panel");
  }

  /** Opens the screen of `swarm` (with an optional query string) and waits for its heading. */
  async goto(swarm: string, query = ""): Promise<void> {
    await this.page.goto(`/swarms/${swarm}/predictions${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The card of a metric ("accuracy", "precision", "recall", "false_positive_rate", "total", "median-lead"). */
  metric(key: string): Locator {
    return this.quality.getByTestId(`metric-${key}`);
  }

  /** The quality range toggle labelled `label`. */
  rangeButton(label: string): Locator {
    return this.quality.getByRole("group", { name: "Quality range" }).getByRole("button", { name: label, exact: true });
  }

  /** The list filter labelled `label` ("Status", "Minimum confidence"). */
  filter(label: string): Locator {
    return this.list.getByRole("group", { name: "Prediction filters" }).getByLabel(label);
  }
}
