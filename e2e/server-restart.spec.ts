// The server itself goes away (SIGTERM, as a deployment stops it) under a signed-in overview: the page says plainly that
// it is offline, greys out the live figures and disables every decision; once the server is started again (same
// port, same database) the page recovers by itself, without a reload, and shows what changed while it was away.
// The spec runs a server of its own (e2e/own-server.ts): the shared webServer serves the other specs throughout.
import { randomUUID } from "node:crypto";
import type { Page, WebSocketRoute } from "@playwright/test";
import { E2E_OWN_PORT } from "./e2e-env";
import { degradedAgent, expect, test as base } from "./fixtures";
import { OwnServer } from "./own-server";
import { OverviewPage } from "./pages/overview-page";
import { SignInPage } from "./pages/sign-in-page";

type Prediction = { id: string; agent_id: string | null; status: string };

const test = base.extend<{ ownServer: OwnServer; ownPage: Page }>({
  ownServer: async ({}, use, testInfo) => {
    const server = await OwnServer.create(E2E_OWN_PORT, "e2e-restart");
    try {
      await server.start();
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach("own-server.log", { body: server.output(), contentType: "text/plain" });
      await server.dispose();
    }
  },
  ownPage: async ({ browser, ownServer }, use) => {
    const context = await browser.newContext({ baseURL: ownServer.baseURL });
    await use(await context.newPage());
    await context.close();
  },
});

test("the server stops: offline with decisions disabled; started again: the page recovers by itself and re-syncs", async ({
  ownServer: server,
  ownPage: page,
  playwright,
}) => {
  test.setTimeout(90_000); // two server starts and a stop; about 30 s
  const { swarm, admin, ingestKey } = server.db;
  const overview = new OverviewPage(page);
  const banner = page.getByTestId("live-banner");
  const figures = page.getByTestId("live-figures");
  const run = randomUUID().slice(0, 8);
  const [kept, decided, appeared] = [`e2e-kept-${run}`, `e2e-decided-${run}`, `e2e-appeared-${run}`];
  const ingest = async (agent: string) => {
    const api = await playwright.request.newContext({
      baseURL: server.baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${ingestKey}` },
    });
    expect((await api.post("/api/v1/events", { data: degradedAgent(agent) })).status()).toBe(202);
    await api.dispose();
  };

  // The page's live socket goes through this route, which lets it through at once unless `held`; installed before the
  // page loads, as engine.io keeps the WebSocket class it finds then.
  let held = Promise.resolve();
  await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
    let closed = false;
    let server: WebSocketRoute | undefined;
    ws.onClose((code, reason) => {
      closed = true;
      void server?.close({ ...(code !== undefined && { code }), ...(reason !== undefined && { reason }) });
    });
    await held;
    if (!closed) server = ws.connectToServer();
  });
  const signIn = new SignInPage(page);
  await signIn.goto();
  expect(await signIn.signIn(admin.email, admin.password)).toBe(200);
  await page.waitForURL((url) => url.pathname === "/");
  await overview.goto(swarm);
  await ingest(kept);
  await ingest(decided);
  for (const agent of [kept, decided]) await expect(overview.proposalFor(agent).approveButton).toBeEnabled({ timeout: 20_000 });
  // By id from here (the cards are the server's, found again after the re-sync).
  const keptCard = overview.proposal(await overview.proposalFor(kept).id());
  const decidedCard = overview.proposal(await overview.proposalFor(decided).id());
  await expect(banner).toHaveAttribute("data-tone", "none");
  await expect(figures).toHaveAttribute("data-live-paused", "false");
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true })); // gone if the page is ever reloaded

  expect(await server.stop(), "graceful shutdown").toEqual({ code: 0, signal: null });
  await expect(banner).toHaveAttribute("data-tone", "down", { timeout: 15_000 });
  await expect(banner).toContainText("Offline — live updates paused, reconnecting…");
  await expect(figures).toHaveAttribute("data-live-paused", "true");
  for (const card of [keptCard, decidedCard]) {
    await expect(card.approveButton).toBeDisabled();
    await expect(card.rejectButton).toBeDisabled();
  }

  // From here the page's reconnection attempts wait until the restarted server has changed things, so that what it
  // shows afterwards can only come from the re-sync.
  let release = () => {};
  held = new Promise<void>((resolve) => (release = resolve));
  await server.start();
  const api = await playwright.request.newContext({
    baseURL: server.baseURL,
    storageState: { cookies: await page.context().cookies(), origins: [] },
    extraHTTPHeaders: { origin: server.baseURL },
  });
  const openIds = async (agent?: string) =>
    ((await (await api.get(`/api/v1/swarms/${swarm}/predictions?status=open&limit=200`)).json()) as { items: Prediction[] }).items
      .filter((p) => !agent || p.agent_id === agent)
      .map((p) => p.id);
  const reject = await api.post(`/api/v1/predictions/${await decidedCard.id()}/reject`, {
    data: { reason: "decided while the page was away" },
  });
  expect(reject.status(), await reject.text()).toBe(200);
  await ingest(appeared);
  await expect.poll(() => openIds(appeared), { timeout: 20_000 }).toHaveLength(1);
  const appearedCard = overview.proposal((await openIds(appeared))[0]!);
  await expect(banner, "still disconnected").toHaveAttribute("data-tone", "down");
  await expect(decidedCard.root, "nothing arrives while disconnected").toHaveAttribute("data-status", "open");

  release();
  await expect(overview.connectionStatus).toHaveAttribute("data-status", "live", { timeout: 30_000 });
  await expect(banner).toHaveAttribute("data-tone", "back");
  await expect(banner).toContainText("Back online");
  await expect(figures).toHaveAttribute("data-live-paused", "false");
  await expect(keptCard.approveButton).toBeEnabled();
  await expect(keptCard.rejectButton).toBeEnabled();
  await expect(decidedCard.root, "decided elsewhere: no longer an open proposal").toHaveCount(0);
  await expect(appearedCard.approveButton).toBeEnabled();
  // The restarted engine took the stored proposal over: replaying the agent's events proposed nothing a second time.
  expect(await openIds(kept)).toEqual([await keptCard.id()]);
  // And the open proposals on screen are exactly the server's.
  const shown = page.locator('[data-testid="proposal"][data-status="open"]');
  await expect
    .poll(async () => (await shown.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).sort())
    .toEqual((await openIds()).sort());
  await api.dispose();
  await expect(banner).toHaveAttribute("data-tone", "none", { timeout: 10_000 });
  expect(await page.evaluate(() => "e2eSameDocument" in window), "recovered without a reload").toBe(true);
});
