// Dashboard performance on the production build, measured in Debian's Chromium through Playwright: the overview's
// largest contentful paint, the time until the first live figure arrives over the socket, and the route's
// JavaScript gzipped. Starts the server exactly as the e2e suite does (fresh database, seeded admin, demo swarm on),
// prints a table and writes bench/results/dashboard-<time>.json. A last phase feeds e2e-swarm 1,000 agents at 1 Hz
// with the overview and the agents table open and records the main thread's long tasks (smoothness).
//
//   npm run bench:dashboard            (BENCH_DASHBOARD_PORT, default 3260; CHROMIUM_PATH, default /usr/bin/chromium)
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import type { E2EFixtures } from "../e2e/e2e-env";
import { markdown } from "./report";

const PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3260);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 5;
const TARGETS = { lcpMs: 1000, firstLiveMs: 1000, jsKb: 250, longestTaskMs: 200, blockingMsPerS: 100 };
const LARGE_AGENTS = 1000;
const LARGE_SECONDS = 20;
const root = path.resolve(import.meta.dirname, "..");

/** Starts the e2e launcher (fresh database, seeded users, build when stale, then the compiled server) and waits for health. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/start-server.ts"], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(PORT), E2E_LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${BASE}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error("server did not become healthy within 5 min");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Long tasks on a page while `swarm` gets LARGE_AGENTS agents' heartbeats and task results every second. */
async function largeSwarm(
  page: import("@playwright/test").Page,
  url: string,
  key: string,
): Promise<{ longestMs: number; blockingMsPerS: number }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="connection-status"][data-status="live"]');
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
  for (let s = 0; s < LARGE_SECONDS; s++) {
    const started = Date.now();
    const events = Array.from({ length: LARGE_AGENTS }, (_, i) => ({
      type: i % 2 ? "heartbeat" : "task_complete",
      agent_id: `load-${String(i).padStart(4, "0")}`,
      task_id: `t-${s}-${i}`,
      result: "success",
      duration_ms: 500 + (i % 300),
      timestamp: Date.now(),
    }));
    const res = await fetch(`${BASE}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(events),
    });
    if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
    await page.waitForTimeout(Math.max(0, 1000 - (Date.now() - started))); // the load's own 1 Hz pace
  }
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    longestMs: Math.round(Math.max(0, ...long)),
    blockingMsPerS: Math.round(long.reduce((a, d) => a + Math.max(0, d - 50), 0) / LARGE_SECONDS),
  };
}

/** Median of the values. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  process.stdout.write(`Dashboard benchmark: production build on ${BASE}, ${RUNS} cold loads of /swarms/demo\n`);
  const server = await startServer();
  const fixtures = JSON.parse(fs.readFileSync(path.join(root, ".data", "e2e", "fixtures.json"), "utf8")) as E2EFixtures;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  try {
    const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify(fixtures.admin),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookies = signIn.headers.getSetCookie().map((c) => {
      const [pair] = c.split(";", 1);
      const [name, ...rest] = pair!.split("=");
      return { name: name!, value: rest.join("="), domain: "127.0.0.1", path: "/" };
    });
    const runs: { lcpMs: number; firstLiveMs: number }[] = [];
    let scripts: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number };
        w.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
      });
      await page.goto(`${BASE}/swarms/demo`);
      // First live data: the events/s tile shows a figure pushed by the socket (the subscribe snapshot or a tick).
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="tile-events-per-s"]')?.textContent ?? ""), null, {
        timeout: 20_000,
      });
      const firstLiveMs = await page.evaluate(() => performance.now());
      await page.waitForLoadState("networkidle").catch(() => undefined);
      const lcpMs = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
      if (i === 0)
        scripts = await page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
            .map((e) => e.name),
        );
      runs.push({ lcpMs: Math.round(lcpMs), firstLiveMs: Math.round(firstLiveMs) });
      process.stdout.write(`  load ${i + 1}: LCP ${Math.round(lcpMs)} ms, first live data ${Math.round(firstLiveMs)} ms\n`);
      await context.close();
    }
    const large: Record<string, { longestMs: number; blockingMsPerS: number }> = {};
    for (const [name, route] of [
      ["overview", `/swarms/${fixtures.swarm}`],
      ["agents table", `/swarms/${fixtures.swarm}/agents`],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies(cookies);
      large[name] = await largeSwarm(await context.newPage(), `${BASE}${route}`, fixtures.ingestKey);
      process.stdout.write(
        `  ${LARGE_AGENTS} agents at 1 Hz for ${LARGE_SECONDS} s, ${name}: longest task ${large[name]!.longestMs} ms, blocking ${large[name]!.blockingMsPerS} ms/s\n`,
      );
      await context.close();
    }
    const own = [...new Set(scripts.filter((u) => u.startsWith(BASE)))];
    let gzBytes = 0;
    for (const url of own) gzBytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
    const jsKb = Math.round((gzBytes / 1024) * 10) / 10;
    const lcp = median(runs.map((r) => r.lcpMs));
    const live = median(runs.map((r) => r.firstLiveMs));
    const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
    process.stdout.write(
      "\n" +
        markdown(
          ["measure", "value", "target", "result"],
          [
            [`overview LCP (localhost, median of ${RUNS} loads)`, `${lcp} ms`, `≤ ${TARGETS.lcpMs} ms`, verdict(lcp <= TARGETS.lcpMs)],
            [
              `first live data after navigation start (median of ${RUNS})`,
              `${live} ms`,
              `≤ ${TARGETS.firstLiveMs} ms`,
              verdict(live <= TARGETS.firstLiveMs),
            ],
            [`route JavaScript, gzipped (${own.length} files)`, `${jsKb} KB`, `≤ ${TARGETS.jsKb} KB`, verdict(jsKb <= TARGETS.jsKb)],
            ...Object.entries(large).flatMap(([name, l]) => [
              [
                `${LARGE_AGENTS} agents at 1 Hz, ${name}: longest main-thread task`,
                `${l.longestMs} ms`,
                `≤ ${TARGETS.longestTaskMs} ms`,
                verdict(l.longestMs <= TARGETS.longestTaskMs),
              ],
              [
                `${LARGE_AGENTS} agents at 1 Hz, ${name}: blocking time`,
                `${l.blockingMsPerS} ms/s`,
                `≤ ${TARGETS.blockingMsPerS} ms/s`,
                verdict(l.blockingMsPerS <= TARGETS.blockingMsPerS),
              ],
            ]),
          ],
        ) +
        "\n",
    );
    const at = new Date();
    const dir = path.join(import.meta.dirname, "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `dashboard-${at.toISOString().replaceAll(":", "-")}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ at, runs, lcpMs: lcp, firstLiveMs: live, jsKbGzipped: jsKb, large, scripts: own, targets: TARGETS }, null, 2) + "\n",
    );
    process.stdout.write(`results written to ${path.relative(root, file)}\n`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:dashboard failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
