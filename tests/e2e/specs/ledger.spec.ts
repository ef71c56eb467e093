// The foundation journeys: keep a ledger, come back to it, move it with a backup file.
import { test, expect, fixture, readFixture } from "../fixtures";
import { writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

test("a client, an invoice and a part payment are still there after a reload", async ({ page, data, clients, client, invoice }) => {
  await clients.open();
  await expect(clients.emptyHeading).toBeVisible();
  await clients.addClient({ name: "Acme Ltd", email: "jo@acme.test" });
  await expect(client.heading("Acme Ltd")).toBeVisible();

  await client.addInvoice({ number: "INV-001", amount: "1,200.00", issueDate: "2026-01-15", dueDate: "2026-02-14" });
  await client.openInvoice("INV-001");

  await expect(invoice.balance).toHaveAttribute("data-amount", "1200.00");
  await data.waitForSave(() => invoice.recordPayment("200", "2026-03-01"));
  await expect(invoice.balance).toHaveAttribute("data-amount", "1000.00");
  await expect(invoice.balance).toHaveText("£1,000.00");

  await page.reload();
  await expect(invoice.balance).toHaveAttribute("data-amount", "1000.00");
  await expect(invoice.paymentRows).toHaveCount(1);
  await clients.open();
  await expect(clients.link("Acme Ltd")).toBeVisible();
  await expect(clients.cell("£1,000.00")).toBeVisible();
});

test("bad input is refused next to its field and nothing is saved", async ({ data, invoice }) => {
  await data.importBackup(fixture("contract-example.json"));
  const before = await data.storedLedger();
  await invoice.open("i1");
  await invoice.recordPayment("12,34.5");
  await invoice.expectPaymentAmountError("not an amount");
  await invoice.recordPayment("5000");
  await invoice.expectPaymentAmountError("more than the open balance");
  expect(await data.storedLedger()).toBe(before);
});

test("export, clear and import give back identical data", async ({ page, data }) => {
  await data.loadSample();
  const first = await data.exportBackup();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await data.chooseBackup(first.path);
  await expect(data.status).toContainText("Imported 8 clients, 40 invoices");
  const second = await data.exportBackup();
  const withoutStamp = (text: string) => ({ ...JSON.parse(text), exported_at: null });
  expect(withoutStamp(second.text)).toEqual(withoutStamp(first.text));
  expect(first.name).toMatch(/^overdue-backup-\d{4}-\d{2}-\d{2}\.json$/);
});

const malformed: [string, (doc: any) => any, RegExp][] = [
  ["bad JSON", () => "{ this is not json", /not valid JSON/],
  ["a wrong format", (d) => ({ ...d, format: "spreadsheet" }), /format: expected "overdue-backup"/],
  ["a payment for a missing invoice", (d) => { d.payments[0].invoice_id = "i404"; return d; }, /payments\[0\] \(id "p1"\)\.invoice_id/],
  ["a negative amount", (d) => { d.invoices[0].amount = "-5.00"; return d; }, /invoices\[0\] \(id "i1"\)\.amount: the amount must not be negative/],
];

for (const [name, edit, message] of malformed) {
  test(`importing a file with ${name} names the problem and changes nothing`, async ({ data }) => {
    await data.loadSample();
    const before = await data.storedLedger();
    const edited = edit(JSON.parse(readFixture("contract-example.json")));
    const path = join(mkdtempSync(join(tmpdir(), "overdue-")), "bad.json");
    writeFileSync(path, typeof edited === "string" ? edited : JSON.stringify(edited));
    await data.chooseBackup(path);
    await expect(data.status).toContainText(message);
    await expect(data.status).toContainText("your data is unchanged");
    expect(await data.storedLedger()).toBe(before);
  });
}

test("a full storage quota shows an error and loses nothing already stored", async ({ page, app, data, settings }) => {
  await data.importBackup(fixture("contract-example.json"));
  const before = await data.storedLedger();
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  // Client-side navigation keeps the stub in place: use the app's own links.
  await app.navigate("Settings");
  await settings.renameBusiness("Ada Studio Renamed");
  await expect(app.saveError).toContainText("storage is full");
  expect(await data.storedLedger()).toBe(before);
  // The change is still on screen and can be exported.
  await app.navigate("Data");
  const file = await data.exportBackup();
  expect(JSON.parse(file.text).business.name).toBe("Ada Studio Renamed");
  await page.reload();
  expect(await data.storedLedger()).toBe(before);
});
