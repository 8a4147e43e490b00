// Test fixtures: the seeded credentials (written by e2e/start-server.ts), page objects, a signed-in page and
// an ingest helper that posts events the way an agent SDK (or curl) would.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type BrowserContext, test as base, expect } from "@playwright/test";
import { type E2EFixtures, FIXTURES_FILE } from "./e2e-env";
import { AuditPage } from "./pages/audit-page";
import { SettingsPage } from "./pages/settings-page";
import { AgentsPage } from "./pages/agents-page";
import { OverviewPage } from "./pages/overview-page";
import { HealingPage } from "./pages/healing-page";
import { PredictionsPage } from "./pages/predictions-page";
import { SignInPage } from "./pages/sign-in-page";
import { SwarmsPage } from "./pages/swarms-page";

/** An event as sent to POST /api/v1/events. */
export type IngestEvent = Record<string, unknown>;

/** Outcome of one ingest request. */
export type IngestResult = {
  status: number;
  body: { accepted?: number; duplicates?: number; errors?: unknown[] } & Record<string, unknown>;
};

/** Posts events with the swarm's ingest key. */
export type Ingest = (events: IngestEvent[]) => Promise<IngestResult>;

/** An agent whose heartbeats report degraded health twice in a row: the engine's health source predicts it going
 * down and, with a restart able to run, proposes one (an open proposal). Idempotent per agent. */
export function degradedAgent(agent: string): IngestEvent[] {
  const now = Date.now();
  return [
    { id: `${agent}-hb-0`, type: "heartbeat", agent_id: agent, health_state: "healthy", timestamp: now - 4_000 },
    { id: `${agent}-hb-1`, type: "heartbeat", agent_id: agent, health_state: "degraded", timestamp: now - 2_000 },
    { id: `${agent}-hb-2`, type: "heartbeat", agent_id: agent, health_state: "degraded", timestamp: now },
  ];
}

/** A heartbeat stamped now; `id` makes it idempotent. */
export function heartbeat(id: string, agent = "agent-1"): IngestEvent {
  return { id, type: "heartbeat", agent_id: agent, timestamp: Date.now() };
}

/** One row of GET /api/v1/swarms (the fields the tests use). */
export type SwarmRow = { name: string; events_per_s: number; events_total: number };

/** GET /api/v1/swarms through `request` (which must carry a session), as the row of `swarm`. */
export async function swarmRow(request: APIRequestContext, swarm: string): Promise<SwarmRow> {
  const res = await request.get("/api/v1/swarms");
  expect(res.status(), await res.text()).toBe(200);
  const row = ((await res.json()) as SwarmRow[]).find((s) => s.name === swarm);
  if (!row) throw new Error(`swarm ${swarm} is not listed`);
  return row;
}

/** A command as a coordinator pulls it (GET /api/v1/commands). */
export type PulledCommand = { id: string; kind: string; params: Record<string, unknown>; issued_at: string; deadline: string };

/** The e2e swarm's coordinator side, driven by the test: pull due commands, report their results. */
export type Coordinator = {
  pull: (waitS: number) => Promise<PulledCommand[]>;
  report: (id: string, status: "succeeded" | "failed", detail?: string) => Promise<void>;
};

/** Session cookies of a browser context. */
export type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** Seeded users by role. */
export type SeededRole = "admin" | "operator" | "viewer";

type WorkerFixtures = {
  /**
   * The admin's session cookies. better-auth allows only 3 sign-ins per 10 s (for all clients together, as the
   * server cannot tell them apart), so they come from one sign-in per server, kept next to fixtures.json.
   */
  adminSession: Cookies;
  /** Session cookies of a seeded role, signed in through the API once per server (kept like the admin's). */
  sessionOf: (role: "operator" | "viewer") => Promise<Cookies>;
};

type TestFixtures = {
  signInPage: SignInPage;
  swarmsPage: SwarmsPage;
  /** A page signed in as the seeded admin, on `/`. */
  signedInPage: SwarmsPage;
  /** The settings page object on a page signed in as the seeded admin (not opened yet). */
  settingsPage: SettingsPage;
  /** The audit page object on a page signed in as the seeded admin (not opened yet). */
  auditPage: AuditPage;
  /** The overview page object on a page signed in as the seeded admin (not navigated yet). */
  overviewPage: OverviewPage;
  /** The agents page object on a page signed in as the seeded admin (not navigated yet). */
  agentsPage: AgentsPage;
  /** Opens a new browser context signed in as `role` and returns its overview page object (closed after the test). */
  overviewAs: (role: SeededRole) => Promise<OverviewPage>;
  /** The healing screen as the seeded admin (not yet opened). */
  healingPage: HealingPage;
  /** The predictions screen as the seeded admin (not yet opened). */
  predictionsPage: PredictionsPage;
  coordinator: Coordinator;
  ingest: Ingest;
};

let cached: E2EFixtures | undefined;

/** The seeded credentials, read on first use: the runner loads the spec files before the webServer has written them. */
export function seeded(): E2EFixtures {
  cached ??= JSON.parse(fs.readFileSync(FIXTURES_FILE, "utf8")) as E2EFixtures;
  return cached;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  adminSession: [
    async ({ browser, playwright }, use) => {
      const { admin, baseURL, database } = seeded();
      const file = path.join(path.dirname(FIXTURES_FILE), `session-${database}.json`);
      if (fs.existsSync(file)) {
        const cookies = JSON.parse(fs.readFileSync(file, "utf8")) as Cookies;
        const api = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
        const valid = (await api.get("/api/v1/swarms")).ok();
        await api.dispose();
        if (valid) return use(cookies);
      }
      const context = await browser.newContext({ baseURL });
      const signIn = new SignInPage(await context.newPage());
      await signIn.goto("/");
      expect(await signIn.signIn(admin.email, admin.password), "sign-in status (429: better-auth's sign-in rate limit)").toBe(200);
      await signIn.page.waitForURL((url) => url.pathname === "/");
      const cookies = await context.cookies();
      await context.close();
      fs.writeFileSync(file, JSON.stringify(cookies), { mode: 0o600 });
      await use(cookies);
    },
    { scope: "worker" },
  ],
  sessionOf: [
    async ({ playwright }, use) => {
      const cache = new Map<string, Cookies>();
      await use(async (role) => {
        const { baseURL, database } = seeded();
        const file = path.join(path.dirname(FIXTURES_FILE), `session-${database}-${role}.json`);
        const known = cache.get(role) ?? (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Cookies) : null);
        if (known) return known;
        const api = await playwright.request.newContext({ baseURL });
        try {
          const { email, password } = seeded()[role];
          // The sign-in rate limit is shared by every client: poll until this sign-in is let through.
          await expect
            .poll(
              async () => (await api.post("/api/auth/sign-in/email", { data: { email, password }, headers: { origin: baseURL } })).status(),
              {
                message: `sign-in of the ${role}`,
                intervals: [1_000, 2_000, 3_000],
                timeout: 30_000,
              },
            )
            .toBe(200);
          const cookies = (await api.storageState()).cookies as Cookies;
          cache.set(role, cookies);
          fs.writeFileSync(file, JSON.stringify(cookies), { mode: 0o600 });
          return cookies;
        } finally {
          await api.dispose();
        }
      });
    },
    { scope: "worker" },
  ],
  overviewPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new OverviewPage(page));
  },
  agentsPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new AgentsPage(page));
  },
  overviewAs: async ({ browser, adminSession, sessionOf }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ baseURL: seeded().baseURL });
      contexts.push(context);
      await context.addCookies(role === "admin" ? adminSession : await sessionOf(role));
      return new OverviewPage(await context.newPage());
    });
    for (const c of contexts) await c.close();
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  swarmsPage: async ({ page }, use) => {
    await use(new SwarmsPage(page));
  },
  signedInPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    const swarms = new SwarmsPage(page);
    await swarms.goto();
    await use(swarms);
  },
  settingsPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new SettingsPage(page));
  },
  auditPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new AuditPage(page));
  },
  healingPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new HealingPage(page));
  },
  predictionsPage: async ({ page, adminSession }, use) => {
    await page.context().addCookies(adminSession);
    await use(new PredictionsPage(page));
  },
  coordinator: async ({ playwright }, use) => {
    const { ingestKey, baseURL } = seeded();
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${ingestKey}` } });
    await use({
      pull: async (waitS) => {
        const res = await api.get(`/api/v1/commands?wait=${waitS}`, { timeout: (waitS + 10) * 1000 });
        expect(res.status(), await res.text()).toBe(200);
        return (await res.json()) as PulledCommand[];
      },
      report: async (id, status, detail) => {
        const res = await api.post(`/api/v1/commands/${id}/result`, { data: { status, detail } });
        expect(res.status(), await res.text()).toBe(200);
      },
    });
    await api.dispose();
  },
  ingest: async ({ playwright }, use) => {
    const { ingestKey, baseURL } = seeded();
    // Its own context: no browser cookies, only the ingest key.
    const api = await playwright.request.newContext({ baseURL });
    await use(async (events) => {
      const res = await api.post("/api/v1/events", {
        headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" },
        data: JSON.stringify(events),
      });
      return { status: res.status(), body: (await res.json()) as IngestResult["body"] };
    });
    await api.dispose();
  },
});

export { expect };
