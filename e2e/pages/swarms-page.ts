// Page object of / (the swarm list with live figures).
import { expect, type Locator, type Page } from "@playwright/test";

/** Parses a figure as rendered on a card ("1,234", "12.4"). */
export function parseFigure(text: string | null): number {
  const n = Number((text ?? "").replace(/,/g, "").trim());
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return n;
}

/** One swarm card. */
export class SwarmCard {
  readonly eventsPerS: Locator;
  readonly eventsTotal: Locator;

  constructor(readonly root: Locator) {
    this.eventsPerS = root.getByTestId("events-per-s");
    this.eventsTotal = root.getByTestId("events-total");
  }

  /** The events/s moving average currently shown. */
  async eventsPerSecond(): Promise<number> {
    return parseFigure(await this.eventsPerS.textContent());
  }

  /** The total events currently shown. */
  async totalEvents(): Promise<number> {
    return parseFigure(await this.eventsTotal.textContent());
  }
}

/** The swarm overview. */
export class SwarmsPage {
  readonly heading: Locator;
  readonly connectionStatus: Locator;
  readonly signedInAs: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Swarms" });
    this.connectionStatus = page.getByTestId("connection-status");
    this.signedInAs = page.getByTestId("signed-in-as");
    this.emptyState = page.getByRole("region", { name: "No swarms yet" });
  }

  /** Opens the page and waits for its heading. */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.heading).toBeVisible();
  }

  /** The card of swarm `name`. */
  card(name: string): SwarmCard {
    return new SwarmCard(this.page.getByTestId(`swarm-${name}`));
  }

  /** Waits until the live socket is connected. */
  async expectLive(): Promise<void> {
    await expect(this.connectionStatus).toHaveAttribute("data-status", "live");
  }
}
