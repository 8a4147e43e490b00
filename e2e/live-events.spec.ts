// Live figures: events posted with the ingest key move the swarm card's events/s and total over socket.io;
// an invalid batch is rejected whole and counts nothing.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, heartbeat, seeded, swarmRow, test } from "./fixtures";

const BATCHES = 20;
const BATCH_SIZE = 10;

test("posted events move the card's events/s and total; an invalid batch counts nothing", async ({
  page,
  signedInPage,
  ingest,
}, testInfo) => {
  const { swarm } = seeded();
  const card = signedInPage.card(swarm);
  await expect(card.root).toBeVisible();
  await signedInPage.expectLive();

  // The server may be reused between local runs: start from whatever it has counted so far.
  const before = (await swarmRow(page.request, swarm)).events_total;
  await expect.poll(() => card.totalEvents()).toBe(before);

  const run = randomUUID();
  let accepted = 0;
  for (let b = 0; b < BATCHES; b++) {
    const events = Array.from({ length: BATCH_SIZE }, (_, i) => heartbeat(`${run}-${b}-${i}`, `agent-${i % 3}`));
    const res = await ingest(events);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ accepted: BATCH_SIZE, duplicates: 0 });
    accepted += res.body.accepted ?? 0;
  }
  expect(accepted).toBe(BATCHES * BATCH_SIZE);

  // Pushed by the 1 Hz metrics tick, no reload.
  await expect.poll(() => card.eventsPerSecond(), { message: "events/s on the card" }).toBeGreaterThan(0);
  await expect.poll(() => card.totalEvents(), { message: "events total on the card" }).toBeGreaterThanOrEqual(before + accepted);
  expect(await card.totalEvents()).toBe(before + accepted);

  // One invalid event makes the whole batch (including a valid one) a 400, with nothing stored.
  const validInBadBatch = heartbeat(`${run}-in-rejected-batch`);
  const rejected = await ingest([validInBadBatch, { type: "heartbeat", agent_id: "agent-1", timestamp: "yesterday-ish" }]);
  expect(rejected.status).toBe(400);
  expect(rejected.body.errors).toEqual([expect.objectContaining({ index: 1, path: "timestamp" })]);

  // A sentinel batch after it: once the sentinel is counted, anything of the rejected batch would have been too.
  // Its valid event was not stored, so sending it again is accepted, not a duplicate.
  const sentinel = await ingest([validInBadBatch]);
  expect(sentinel).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
  const expected = before + accepted + 1;
  await expect
    .poll(async () => (await swarmRow(page.request, swarm)).events_total, { message: "events_total from the API" })
    .toBe(expected);
  await expect(card.eventsTotal).toHaveText(new Intl.NumberFormat("en-US").format(expected));

  const shot = path.join(testInfo.project.outputDir, "screenshots", "swarms.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("swarms", { path: shot, contentType: "image/png" });
});
