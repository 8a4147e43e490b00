// Audit log: settings and ingest-key changes made by the admin are listed newest first, filterable by action,
// with a clear empty state.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, seeded, test } from "./fixtures";

test("the audit page lists settings and ingest-key changes, filtered by action", async ({ auditPage, page, baseURL }, testInfo) => {
  const { swarm, admin } = seeded();
  const headers = { origin: baseURL! }; // the session cookie may change things only from this origin
  await auditPage.goto(swarm); // signs the page in (cookies) before the API calls below
  const name = `audit-key-${randomUUID().slice(0, 8)}`;
  const settings = (await (await page.request.get(`/api/v1/swarms/${swarm}/settings`)).json()) as { settings: { target_mttr_ms: number } };
  const put = await page.request.put(`/api/v1/swarms/${swarm}/settings`, {
    headers,
    data: { ...settings.settings, target_mttr_ms: settings.settings.target_mttr_ms + 1 },
  });
  expect(put.status(), await put.text()).toBe(200);
  const created = await page.request.post(`/api/v1/swarms/${swarm}/keys`, { headers, data: { name } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  expect((await page.request.delete(`/api/v1/swarms/${swarm}/keys/${id}`, { headers })).status()).toBe(200);

  await auditPage.goto(swarm);
  await expect(auditPage.row("ingest_key.revoke", `ingest_key:${id}`, admin.email)).toBeVisible();
  await expect(auditPage.row("ingest_key.create", `ingest_key:${id}`)).toBeVisible();
  await expect(auditPage.row("swarm.settings.update", `swarm:${swarm}`).first()).toBeVisible();
  // Newest first: the revocation comes before the creation.
  const actions = await auditPage.rows.locator("td:nth-child(3)").allTextContents();
  expect(actions.indexOf("ingest_key.revoke")).toBeLessThan(actions.indexOf("ingest_key.create"));

  const shot = path.join(testInfo.project.outputDir, "screenshots", "audit.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("audit", { path: shot, contentType: "image/png" });

  await auditPage.filter({ action: "ingest_key" });
  await expect(auditPage.row("ingest_key.create", `ingest_key:${id}`)).toBeVisible();
  await expect(auditPage.row("swarm.settings.update")).toHaveCount(0);

  await auditPage.filter({ actor: `nobody-${randomUUID()}` });
  await expect(auditPage.empty).toBeVisible();
});
