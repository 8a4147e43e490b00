// Pages work on a phone: at 390 px nothing is wider than the screen (no sideways scrolling), with the demo's
// healings (long command lines) on the overview.
import { expect, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** How far the page is wider than the viewport (0 when it fits). */
const overflow = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("the overview and the swarm's pages fit a phone's width", async ({ overviewPage }) => {
  const page = overviewPage.page;
  await page.setViewportSize(PHONE);
  await overviewPage.goto("demo");
  await expect(overviewPage.healings.first(), "the demo heals its routine task failures").toBeVisible({ timeout: 60_000 });
  await expect.poll(() => overflow(page), { message: "overview overflow (px)" }).toBe(0);
  for (const path of ["agents", "healing", "predictions"]) {
    await page.goto(`/swarms/demo/${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect.poll(() => overflow(page), { message: `${path} overflow (px)` }).toBe(0);
  }
});
