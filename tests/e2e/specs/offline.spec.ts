// Offline and safe: the installed app works with no network, survives a full quota, corrupt
// data and two tabs, requests nothing from other origins and breaks no CSP rule.
import { test, expect, storedLedger, expectNoAxeViolations } from "../fixtures";
import { chromium } from "@playwright/test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchOptions } from "../browser";

async function loadSample(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-status")).toContainText("Added sample data");
}

test("after one online visit the app works offline, deep routes included", async ({ page, context }) => {
  await loadSample(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Data", level: 1 })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("queue-item").first()).toBeVisible();
  await expect(page.locator('[data-testid="aging-cell"][data-client="total"][data-bucket="total"]').first()).toBeVisible();
  await page.goto("/invoices/i3");
  await expect(page.getByTestId("balance")).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await context.setOffline(false);
});

test("the app is installable", async ({ page, baseURL }) => {
  // Installability needs a real (not incognito) profile.
  const profile = mkdtempSync(join(tmpdir(), "overdue-profile-"));
  const browser = await chromium.launchPersistentContext(profile, launchOptions);
  const installed = browser.pages()[0] ?? (await browser.newPage());
  await installed.goto(`${baseURL}/`);
  await installed.evaluate(async () => { await navigator.serviceWorker.ready; });
  const cdp = await browser.newCDPSession(installed);
  await expect.poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
  await browser.close();
  await page.goto("/");
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
});

test("a real full quota shows the error, keeps the stored ledger and still exports", async ({ page }) => {
  await loadSample(page);
  const before = await storedLedger(page);
  await page.evaluate(() => {
    let size = 1 << 20;
    let index = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler-${index++}`, "x".repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Business name").fill("Renamed while the disk was full");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("save-error")).toContainText("storage is full");
  await page.getByRole("link", { name: "Data", exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-backup").click()]);
  expect(JSON.parse(readFileSync(await file.path(), "utf8")).business.name).toBe("Renamed while the disk was full");
  await page.reload();
  expect(await storedLedger(page)).toBe(before);
  await expect(page.getByTestId("load-sample")).toBeVisible();
});

test("corrupt data gets the recovery screen, its raw download and a restore", async ({ page }) => {
  await loadSample(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Business name").fill("Second save");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const garbage = '{"format":"overdue-backup", garbage \u00e9\u0000 }';
  await page.evaluate((text) => localStorage.setItem("overdue.ledger", text), garbage);
  await page.reload();
  await expect(page.getByTestId("recovery")).toBeVisible();
  await expect(page.getByTestId("start-empty")).toBeDisabled();
  await expectNoAxeViolations(page);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-raw").click()]);
  expect(readFileSync(await file.path(), "utf8")).toBe(garbage);
  expect(await storedLedger(page)).toBe(garbage);
  await page.getByTestId("restore-previous").click();
  await expect(page.getByTestId("recovery")).toHaveCount(0);
  await page.goto("/clients");
  await expect(page.getByRole("link", { name: "Acme Widgets Ltd" })).toBeVisible();
});

test("a second tab follows the first, and a stale save is refused without losing a record", async ({ page, context }) => {
  await loadSample(page);
  const other = await context.newPage();
  await other.goto("/clients");
  await page.goto("/clients");
  await page.getByRole("button", { name: "Add client" }).click();
  await page.getByLabel("Name").fill("Added in tab A");
  await page.getByRole("button", { name: "Save client" }).click();
  await expect(other.getByRole("link", { name: "Added in tab A" })).toBeVisible();

  // A write tab B never hears of (a tab hears no storage event for its own writes): B is now stale.
  await other.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem("overdue.ledger")!);
    doc.clients.push({ id: "elsewhere", name: "Written elsewhere" });
    doc.revision += 1;
    localStorage.setItem("overdue.ledger", JSON.stringify(doc));
    localStorage.setItem("overdue.revision", String(doc.revision));
  });
  await other.getByRole("button", { name: "Add client" }).click();
  await other.getByLabel("Name").fill("From stale tab B");
  await other.getByRole("button", { name: "Save client" }).click();
  await expect(other.getByTestId("save-error")).toContainText("Changed in another tab — reload to see the latest.");
  const stored = JSON.parse((await storedLedger(page))!);
  expect(stored.clients.map((c) => c.name)).toContain("Written elsewhere");
  expect(stored.clients.map((c) => c.name)).toContain("Added in tab A");
  expect(stored.clients.map((c) => c.name)).not.toContain("From stale tab B");
});

test("the whole journey asks no other origin for anything and breaks no CSP rule", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations: string[] = [];
  const collect = async () => violations.push(...(await page.evaluate(() => (window as any).__csp)));
  await loadSample(page);
  for (const path of ["/", "/clients", "/clients/c1", "/invoices", "/invoices/i3#letter", "/templates", "/settlement/c1", "/settings", "/data"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await collect();
  }
  await page.goto("/invoices/i3#letter");
  await page.getByTestId("letter-template").selectOption("demand-letter");
  await expect(page.getByTestId("letter-body")).toContainText("Total now claimed");
  await page.goto("/settlement/c1");
  await page.getByTestId("plan-count").fill("4");
  await expect(page.getByTestId("schedule-row")).toHaveCount(4);
  await page.goto("/data");
  await Promise.all([page.waitForEvent("download"), page.getByTestId("export-backup").click()]);
  await collect();
  expect(violations).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'; object-src 'none'; base-uri 'self'/);
  expect(csp).not.toContain("unsafe-inline");
});

test("a backup reminder appears once changes wait too long, and an export clears it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-01T12:00:00"));
  await loadSample(page);
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
  await page.clock.setFixedTime(new Date("2026-03-08T12:00:00"));
  await page.reload();
  await expect(page.getByTestId("backup-reminder")).toContainText("Some changes from 7 days ago are not in a backup yet.");
  await Promise.all([page.waitForEvent("download"), page.getByTestId("export-backup").click()]);
  await expect(page.getByTestId("backup-reminder")).toHaveCount(0);
});
