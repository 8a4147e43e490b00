// The built-in demo swarm: on a fresh server it is listed with live numbers that move without a reload.
import { expect, test } from "./fixtures";

test("the demo swarm shows live, moving numbers", async ({ signedInPage }) => {
  const card = signedInPage.card("demo");
  await expect(card.root).toBeVisible();
  await signedInPage.expectLive();
  await expect.poll(() => card.eventsPerSecond(), { message: "demo events/s", timeout: 20_000 }).toBeGreaterThan(0);
  const first = await card.totalEvents();
  await expect.poll(() => card.totalEvents(), { message: "demo events total keeps growing", timeout: 20_000 }).toBeGreaterThan(first);
});
