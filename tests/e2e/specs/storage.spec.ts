// Storage that grows with the business and recovery that can only help: a 10,000-invoice
// ledger keeps saving, storage that refuses to answer never leads to deleting the ledger, work
// that failed to save survives another tab's save, and an import too big to store says so.
import { test, expect } from "../fixtures";
import { BrowserContext, Page } from "@playwright/test";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockStorageOn, DataPage, fillStorageAt, LEDGER_KEY, readStored, writeStored } from "../pages/data";
import { ClientsPage } from "../pages/clients";
import { download } from "../pages/page-object";
import { AppShell } from "../pages/app";

const fixture = (name: string) => join(__dirname, "..", "..", "fixtures", name);

/** A backup of 500 clients, `invoices` invoices and a half payment on each of the first `payments`. */
function bigBackup(invoices: number, payments: number): string {
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
  const doc = {
    format: "overdue-backup",
    schema: 1,
    exported_at: "2026-11-23T00:00:00Z",
    business: { name: "Growing Studio", default_currency: "GBP" },
    clients: Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, name: `Client ${i}`, email: `c${i}@example.test` })),
    invoices: Array.from({ length: invoices }, (_, i) => ({
      id: `i${i}`, client_id: `c${i % 500}`, number: `INV-${i}`, issue_date: day(i % 600), due_date: day((i % 600) + 30),
      amount: (100 + (i % 5000)).toFixed(2), currency: "GBP", description: `Work package ${i} for the client`,
    })),
    payments: Array.from({ length: payments }, (_, i) => ({
      id: `p${i}`, invoice_id: `i${i}`, date: day((i % 600) + 20), amount: ((100 + (i % 5000)) / 2).toFixed(2), method: "bank transfer", note: "",
    })),
  };
  const path = join(mkdtempSync(join(tmpdir(), "overdue-big-")), "big-backup.json");
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

test("10,000 invoices and 6,000 payments import, take a payment that survives a reload, then a client deletion and a smaller import", async ({ page, data, invoice, client }) => {
  test.setTimeout(180_000);
  await data.open();
  await data.chooseBackup(bigBackup(10_000, 6_000));
  await expect(data.status).toContainText("Imported 500 clients, 10000 invoices, 6000 payments", { timeout: 60_000 });
  expect((await data.storedLedger())!.length).toBeGreaterThan(2_500_000);

  await invoice.open("i7000");
  await expect(invoice.balance).toHaveAttribute("data-amount", "2100.00");
  await data.waitForSave(() => invoice.recordPayment("100.00", "2026-03-01"));
  await page.reload();
  await expect(invoice.balance).toHaveAttribute("data-amount", "2000.00", { timeout: 30_000 });
  await expect(invoice.paymentRows).toHaveCount(1);

  await client.open("c7");
  await expect(client.heading("Client 7")).toBeVisible({ timeout: 30_000 });
  page.once("dialog", (dialog) => dialog.accept());
  await data.waitForSave(() => page.getByRole("button", { name: "Delete client" }).click());
  const stored = JSON.parse((await data.storedLedger())!);
  expect(stored.clients.map((c) => c.id)).not.toContain("c7");
  expect(stored.invoices).toHaveLength(10_000 - 20);

  await data.importBackup(fixture("contract-example.json"));
  await expect(data.status).toContainText("Imported 1 clients, 1 invoices");
  await page.reload();
  await invoice.open("i1");
  await expect(invoice.balance).toBeVisible();
  expect(JSON.parse((await data.storedLedger())!).invoices).toHaveLength(1);
});

test("with localStorage and IndexedDB refusing to answer, no button deletes the ledger, and lifting the fault finds it all", async ({ page, data, recovery, clients }) => {
  await data.loadSample();
  const before = await data.storedLedger();
  expect(before).not.toBeNull();
  await blockStorageOn(page);
  await page.goto("/?fault");
  await recovery.expectShown();
  expect(await recovery.state()).toBe("cannot-read");
  await expect(recovery.reason).toContainText("did not let Overdue read its storage");
  await expect(recovery.root).not.toContainText("from Data");
  await expect(recovery.startEmptyButton).toBeDisabled();

  page.on("dialog", (dialog) => dialog.accept());
  for (const button of await recovery.enabledButtons()) {
    await button.click();
    await page.waitForTimeout(200);
  }
  await recovery.downloadRawButton.click();
  await expect(recovery.status).toContainText("could not be read, so nothing was downloaded");
  await expect(recovery.startEmptyButton).toBeDisabled();

  await page.goto("/data");
  await expect(recovery.root).toHaveCount(0);
  expect(await readStored(page, LEDGER_KEY)).toBe(before);
  await clients.open();
  await expect(clients.link("Acme Widgets Ltd")).toBeVisible();
});

test("a stored text that cannot be parsed is told apart, and start empty waits for a real download", async ({ page, data, recovery }) => {
  await data.loadSample();
  const garbage = '{"format":"overdue-backup", damaged';
  await writeStored(page, { [LEDGER_KEY]: garbage });
  await page.reload();
  await recovery.expectShown();
  expect(await recovery.state()).toBe("cannot-parse");
  await expect(recovery.reason).toContainText("cannot be parsed");
  await expect(recovery.startEmptyButton).toBeDisabled();
  expect(await recovery.downloadRaw()).toBe(garbage);
  await expect(recovery.status).toContainText(`Downloaded ${garbage.length} bytes, exactly as stored`);
  await expect(recovery.startEmptyButton).toBeEnabled();
});

/**
 * A client added while the disk is full, then another tab's save: the page keeps the change
 * aside in the "not saved" banner. Returns the other tab's clients page and the banner.
 */
async function keepChangesAside({ page, context, data, clients, app }: { page: Page; context: BrowserContext; data: DataPage; clients: ClientsPage; app: AppShell }) {
  await fillStorageAt(page);
  await data.loadSample();
  const otherClients = new ClientsPage(await context.newPage());
  await otherClients.open();
  await clients.open();
  await page.evaluate(() => ((window as any).__storageLimit = 0));
  await clients.addClient({ name: "Typed while the disk was full" });
  await expect(app.saveError).toContainText("storage is full");
  await otherClients.addClient({ name: "Saved in the other tab" });
  const kept = page.getByTestId("unsaved-changes");
  await expect(kept).toBeVisible();
  return { otherClients, kept };
}

test("changes that failed to save are kept when another tab saves, and can be saved again", async ({ page, context, data, clients, app }) => {
  const { otherClients, kept } = await keepChangesAside({ page, context, data, clients, app });
  await app.navigate("Clients");
  await expect(clients.link("Saved in the other tab")).toBeVisible();

  await page.evaluate(() => delete (window as any).__storageLimit);
  await data.waitForSave(() => page.getByTestId("unsaved-save").click());
  await expect(kept).toHaveCount(0);
  const names = (await data.storedDocument()).clients.map((c) => c.name);
  expect(names).toContain("Typed while the disk was full");
  const otherApp = new AppShell(otherClients.page);
  await expect(otherApp.saveError).toHaveCount(0);
  await otherApp.navigate("Clients");
  await expect(otherClients.link("Typed while the disk was full")).toBeVisible();
});

test("changes kept aside when another tab saved can be exported as a backup file instead", async ({ page, context, data, clients, app }) => {
  const { kept } = await keepChangesAside({ page, context, data, clients, app });
  const file = await download(page, page.getByTestId("unsaved-export"));
  expect(file.name).toMatch(/^overdue-unsaved-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  expect(exported.format).toBe("overdue-backup");
  expect(exported.clients.map((c) => c.name)).toContain("Typed while the disk was full");
  await expect(kept).toHaveCount(0);
});

test("an import that fits in memory but not in storage says so at once and changes nothing", async ({ page, data, clients }) => {
  await fillStorageAt(page);
  await data.loadSample();
  const before = await data.storedLedger();
  await page.evaluate((limit) => ((window as any).__storageLimit = limit), before!.length + 1000);
  await data.chooseBackup(bigBackup(2_000, 0));
  await expect(data.status).toContainText("does not fit in this browser's storage");
  await clients.open();
  await expect(clients.link("Acme Widgets Ltd")).toBeVisible();
  await expect(clients.link("Client 7")).toHaveCount(0);
  expect(await data.storedLedger()).toBe(before);
});
