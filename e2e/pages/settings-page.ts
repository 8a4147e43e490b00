// Page object of /swarms/{swarm}/settings: policy table, thresholds, retention, ingest keys.
import { expect, type Locator, type Page } from "@playwright/test";

/** The settings screen of one swarm. */
export class SettingsPage {
  readonly heading: Locator;
  readonly policySection: Locator;
  readonly retentionSection: Locator;
  readonly keysSection: Locator;
  readonly newKey: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: /^Settings/ });
    this.policySection = page.getByTestId("section-policy");
    this.retentionSection = page.getByTestId("section-retention");
    this.keysSection = page.getByTestId("section-keys");
    this.newKey = page.getByTestId("new-key");
  }

  /** Opens the settings of `swarm` and waits for the policy table. */
  async goto(swarm: string): Promise<void> {
    await this.page.goto(`/swarms/${swarm}/settings`);
    await expect(this.heading).toBeVisible();
    await expect(this.policySection.getByRole("table")).toBeVisible();
  }

  /** The select of a failure type's policy for detected failures or predictions. */
  policy(failureType: string, trigger: "Detected" | "Predicted"): Locator {
    return this.page.getByLabel(`${trigger} policy for ${failureType}`, { exact: true });
  }

  /** Sets one policy and saves the section, waiting for "Saved". */
  async setPolicy(failureType: string, trigger: "Detected" | "Predicted", value: "auto" | "approve" | "off"): Promise<void> {
    await this.policy(failureType, trigger).selectOption(value);
    await this.policySection.getByRole("button", { name: "Save policies" }).click();
    await expect(this.page.getByTestId("save-policy-status")).toHaveText("Saved");
  }

  /** Fills the retention fields (days) and saves the section; returns its status line. */
  async saveRetention(events: string, history: string): Promise<Locator> {
    await this.retentionSection.getByLabel("Raw events (days)").fill(events);
    await this.retentionSection.getByLabel("History: charts, analytics and healings (days)").fill(history);
    await this.retentionSection.getByRole("button", { name: "Save retention" }).click();
    return this.page.getByTestId("save-retention-status");
  }

  /** Creates an ingest key named `name` and returns the key shown once. */
  async createKey(name: string): Promise<string> {
    await this.keysSection.getByLabel("Name (optional)").fill(name);
    await this.keysSection.getByRole("button", { name: "Create key" }).click();
    await expect(this.newKey).toHaveText(/^smk_/);
    return (await this.newKey.textContent()) ?? "";
  }

  /** The row of the key named `name`. */
  keyRow(name: string): Locator {
    return this.keysSection.getByRole("row").filter({ hasText: name });
  }

  /** Revokes the key named `name` through its confirmation and waits for it to show as revoked. */
  async revokeKey(name: string): Promise<void> {
    const row = this.keyRow(name);
    await row.getByRole("button", { name: `Revoke key ${name}` }).click();
    await row.getByRole("button", { name: "Confirm revoke" }).click();
    await expect(row).toContainText("revoked");
  }
}
