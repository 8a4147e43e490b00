// Page object of /sign-in.
import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in screen: email + password form posting to better-auth. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The form's error message (scoped to the form: Next's route announcer is also role=alert). */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.locator("form").getByRole("alert");
  }

  /** Opens the sign-in page (optionally with a `next` target). */
  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
    await expect(this.submit).toBeEnabled();
  }

  /** Fills and submits the form, waiting for better-auth's answer; returns its HTTP status. */
  async signIn(email: string, password: string): Promise<number> {
    await this.email.fill(email);
    await this.password.fill(password);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email") && r.request().method() === "POST"),
      this.submit.click(),
    ]);
    return response.status();
  }
}
