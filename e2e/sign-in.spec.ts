// Signing in: the redirect to /sign-in, a wrong password, a successful sign-in, and which API needs a session.
import { expect, seeded, test } from "./fixtures";

test("an unauthenticated visit to / redirects to the sign-in page", async ({ page, signInPage }) => {
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/");
  await expect(signInPage.email).toBeVisible();
  await expect(signInPage.password).toBeVisible();
  await expect(signInPage.submit).toBeEnabled();
});

test("a wrong password shows an error and stays on the sign-in page", async ({ page, signInPage }) => {
  await signInPage.goto("/");
  expect(await signInPage.signIn(seeded().admin.email, "not-the-password"), "sign-in status (429: better-auth's sign-in rate limit)").toBe(
    401,
  );
  await expect(signInPage.error).toBeVisible();
  await expect(signInPage.error).not.toBeEmpty();
  await expect(signInPage.submit).toBeEnabled();
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(signInPage.password).toHaveValue("not-the-password");
});

test("the right password lands on the swarm list, signed in", async ({ page, signInPage, swarmsPage }) => {
  const { admin } = seeded();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  expect(await signInPage.signIn(admin.email, admin.password), "sign-in status (429: better-auth's sign-in rate limit)").toBe(200);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(swarmsPage.heading).toBeVisible();
  await expect(swarmsPage.signedInAs).toContainText(admin.email);
  await expect(swarmsPage.signedInAs).toContainText("admin");
});

test("health needs no session; the swarm API does", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL! }); // fresh: no cookies
  try {
    const health = await api.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });

    const swarms = await api.get("/api/v1/swarms");
    expect(swarms.status()).toBe(401);
    expect(swarms.headers()["content-type"]).toContain("application/problem+json");
  } finally {
    await api.dispose();
  }
});
