// The live channel goes down (the browser goes offline): the page says so plainly, greys out the live figures and
// disables every decision; after reconnecting it stays paused until the live queries have refetched (held here until
// released, so the re-sync window is observable), then says it is back and enables the decisions again.
import { randomUUID } from "node:crypto";
import { expect, degradedAgent, seeded, test } from "./fixtures";

test("offline: banner, greyed figures and disabled decisions until the socket is back and the cache re-synced", async ({
  overviewPage,
  ingest,
}) => {
  const { swarm } = seeded();
  const page = overviewPage.page;
  const agent = `e2e-offline-${randomUUID().slice(0, 8)}`;
  const banner = page.getByTestId("live-banner");
  const figures = page.getByTestId("live-figures");
  const card = overviewPage.proposalFor(agent);

  await overviewPage.goto(swarm);
  expect((await ingest(degradedAgent(agent))).status).toBe(202);
  await expect(card.approveButton).toBeEnabled({ timeout: 20_000 });
  await expect(banner).toHaveAttribute("data-tone", "none");
  await expect(figures).toHaveAttribute("data-live-paused", "false");

  await page.context().setOffline(true);
  await expect(banner).toHaveAttribute("data-tone", "down", { timeout: 30_000 });
  await expect(banner).toContainText("Offline — live updates paused, reconnecting…");
  await expect(figures).toHaveAttribute("data-live-paused", "true");
  await expect(card.approveButton).toBeDisabled();
  await expect(card.rejectButton).toBeDisabled();

  // The re-sync refetches the open proposals: hold that request so the socket is back while the cache is not yet.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const proposals = (url: URL) => url.pathname === `/api/v1/swarms/${swarm}/predictions` && url.searchParams.get("status") === "open";
  await page.route(proposals, async (route) => {
    await held;
    await route.continue();
  });
  await page.context().setOffline(false);
  await expect(overviewPage.connectionStatus).toHaveAttribute("data-status", "resyncing", { timeout: 30_000 });
  await expect(banner).toHaveAttribute("data-tone", "syncing");
  await expect(figures).toHaveAttribute("data-live-paused", "true");
  await expect(card.approveButton).toBeDisabled();

  release();
  await expect(overviewPage.connectionStatus).toHaveAttribute("data-status", "live");
  await expect(banner).toHaveAttribute("data-tone", "back");
  await expect(banner).toContainText("Back online");
  await expect(figures).toHaveAttribute("data-live-paused", "false");
  await expect(card.approveButton).toBeEnabled();
  await expect(card.rejectButton).toBeEnabled();
  await expect(banner).toHaveAttribute("data-tone", "none", { timeout: 10_000 });
  await page.unroute(proposals);
});
