// Page object of /swarms/{swarm}/audit: filters, the entries table and "Load more".
import { expect, type Locator, type Page } from "@playwright/test";

/** The audit log screen. */
export class AuditPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly loadMore: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: /^Audit log/ });
    this.rows = page.getByTestId("audit-row");
    this.loadMore = page.getByRole("button", { name: "Load more" });
    this.empty = page.getByRole("region", { name: "No audit entries" });
  }

  /** Opens the audit log of `swarm`. */
  async goto(swarm: string): Promise<void> {
    await this.page.goto(`/swarms/${swarm}/audit`);
    await expect(this.heading).toBeVisible();
  }

  /** Applies filters through the form. */
  async filter(f: { action?: string; actor?: string; range?: string; scope?: "swarm" | "all" }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Audit filters" });
    if (f.action !== undefined) await form.getByLabel("Action").selectOption(f.action);
    if (f.actor !== undefined) await form.getByLabel("Actor").fill(f.actor);
    if (f.range !== undefined) await form.getByLabel("Time range").selectOption({ label: f.range });
    if (f.scope !== undefined) await form.getByLabel("Scope").selectOption(f.scope);
    await form.getByRole("button", { name: "Apply" }).click();
  }

  /** The row whose text includes every one of `parts`. */
  row(...parts: string[]): Locator {
    return parts.reduce((rows, part) => rows.filter({ hasText: part }), this.rows);
  }
}
