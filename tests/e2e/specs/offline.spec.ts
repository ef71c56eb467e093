// Offline and safe: the installed app works with no network, survives a full quota, corrupt
// data and two tabs, requests nothing from other origins and breaks no CSP rule.
import { test, expect, expectNoAxeViolations } from "../fixtures";
import { chromium } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchOptions } from "../browser";
import { ClientsPage } from "../pages/clients";
import { AppShell } from "../pages/app";
import { fillStorageAt, LEDGER_KEY, REVISION_KEY, writeStored } from "../pages/data";

test("after one online visit the app works offline, deep routes included", async ({ page, context, data, dashboard, invoice, settings }) => {
  await data.loadSample();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Data", level: 1 })).toBeVisible();
  await dashboard.open();
  await expect(dashboard.queue.first()).toBeVisible();
  await expect(dashboard.total().first()).toBeVisible();
  await invoice.open("i3");
  await expect(invoice.balance).toBeVisible();
  await settings.open();
  await expect(settings.heading).toBeVisible();
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

test("a full quota shows the error, keeps the stored ledger and still exports", async ({ page, app, data, settings }) => {
  await fillStorageAt(page);
  await data.loadSample();
  const before = await data.storedLedger();
  await page.evaluate(() => ((window as any).__storageLimit = 0));
  await app.navigate("Settings");
  await settings.renameBusiness("Renamed while the disk was full");
  await expect(app.saveError).toContainText("storage is full");
  await app.navigate("Data");
  const file = await data.exportBackup();
  expect(JSON.parse(file.text).business.name).toBe("Renamed while the disk was full");
  await page.reload();
  expect(await data.storedLedger()).toBe(before);
  await expect(data.loadSampleButton).toBeVisible();
});

test("corrupt data gets the recovery screen, its raw download and a restore", async ({ page, app, data, settings, recovery, clients }) => {
  await data.loadSample();
  await app.navigate("Settings");
  await data.waitForSave(() => settings.renameBusiness("Second save"));
  await expect(settings.savedNotice).toBeVisible();
  const garbage = '{"format":"overdue-backup", garbage \u00e9\u0000 }';
  await writeStored(page, { [LEDGER_KEY]: garbage });
  await page.reload();
  await expect(recovery.root).toBeVisible();
  await expect(recovery.startEmptyButton).toBeDisabled();
  await expectNoAxeViolations(page);
  expect(await recovery.downloadRaw()).toBe(garbage);
  expect(await data.storedLedger()).toBe(garbage);
  await recovery.restorePrevious();
  await expect(recovery.root).toHaveCount(0);
  await clients.open();
  await expect(clients.link("Acme Widgets Ltd")).toBeVisible();
});

test("a second tab follows the first, and a stale save is refused without losing a record", async ({ context, data, clients }) => {
  await data.loadSample();
  const otherPage = await context.newPage();
  const other = { clients: new ClientsPage(otherPage), app: new AppShell(otherPage) };
  await other.clients.open();
  await clients.open();
  await clients.addClient({ name: "Added in tab A" });
  await expect(other.clients.link("Added in tab A")).toBeVisible();

  // A write tab B never hears of (a tab hears no storage event for its own writes): B is now stale.
  const doc = await data.storedDocument();
  doc.clients.push({ id: "elsewhere", name: "Written elsewhere" });
  doc.revision += 1;
  await writeStored(otherPage, { [LEDGER_KEY]: JSON.stringify(doc), [REVISION_KEY]: String(doc.revision) });
  await other.clients.addClient({ name: "From stale tab B" });
  await expect(other.app.saveError).toContainText("Changed in another tab — reload to see the latest.");
  const stored = await data.storedDocument();
  expect(stored.clients.map((c) => c.name)).toContain("Written elsewhere");
  expect(stored.clients.map((c) => c.name)).toContain("Added in tab A");
  expect(stored.clients.map((c) => c.name)).not.toContain("From stale tab B");
});

test("the whole journey asks no other origin for anything and breaks no CSP rule", async ({ page, app, data, invoice, letter, settlement }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations: string[] = [];
  const collect = async () => violations.push(...(await page.evaluate(() => (window as any).__csp)));
  await data.loadSample();
  for (const path of ["/", "/clients", "/clients/c1", "/invoices", "/invoices/i3#letter", "/templates", "/settlement/c1", "/settings", "/data"]) {
    await page.goto(path);
    await expect(app.heading).toBeVisible();
    await collect();
  }
  await invoice.open("i3", { letter: true });
  await letter.choose("demand-letter");
  await expect(letter.body).toContainText("Total now claimed");
  await settlement.open("c1");
  await settlement.plan({ count: "4" });
  await expect(settlement.scheduleRows).toHaveCount(4);
  await data.open();
  await data.exportBackup();
  await collect();
  expect(violations).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'; object-src 'none'; base-uri 'self'/);
  expect(csp).not.toContain("unsafe-inline");
});

test("a backup reminder appears once changes wait too long, and an export clears it", async ({ page, app, data }) => {
  await page.clock.setFixedTime(new Date("2026-03-01T12:00:00"));
  await data.loadSample();
  await expect(app.backupReminder).toHaveCount(0);
  await page.clock.setFixedTime(new Date("2026-03-08T12:00:00"));
  await page.reload();
  await expect(app.backupReminder).toContainText("Some changes from 7 days ago are not in a backup yet.");
  await data.exportBackup();
  await expect(app.backupReminder).toHaveCount(0);
});
