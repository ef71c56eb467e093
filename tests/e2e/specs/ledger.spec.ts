// The foundation journeys: keep a ledger, come back to it, move it with a backup file.
import { test, expect, importBackup, storedLedger, fixture, readFixture } from "../fixtures";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

test("a client, an invoice and a part payment are still there after a reload", async ({ page }) => {
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await page.getByRole("button", { name: "Add client" }).click();
  await page.getByLabel("Name").fill("Acme Ltd");
  await page.getByLabel("E-mail").fill("jo@acme.test");
  await page.getByRole("button", { name: "Save client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Ltd" })).toBeVisible();

  await page.getByRole("button", { name: "Add invoice" }).click();
  await page.getByLabel("Invoice number").fill("INV-001");
  await page.getByLabel("Amount").fill("1,200.00");
  await page.getByLabel("Issue date").fill("2026-01-15");
  await page.getByLabel("Due date").fill("2026-02-14");
  await page.getByRole("button", { name: "Save invoice" }).click();
  await page.getByRole("link", { name: "INV-001", exact: true }).click();

  await expect(page.getByTestId("balance")).toHaveAttribute("data-amount", "1200.00");
  await page.getByLabel("Date received").fill("2026-03-01");
  await page.getByLabel("Amount received").fill("200");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByTestId("balance")).toHaveAttribute("data-amount", "1000.00");
  await expect(page.getByTestId("balance")).toHaveText("£1,000.00");

  await page.reload();
  await expect(page.getByTestId("balance")).toHaveAttribute("data-amount", "1000.00");
  await expect(page.getByTestId("payment-row")).toHaveCount(1);
  await page.goto("/clients");
  await expect(page.getByRole("link", { name: "Acme Ltd" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "£1,000.00" })).toBeVisible();
});

test("bad input is refused next to its field and nothing is saved", async ({ page }) => {
  await importBackup(page, fixture("contract-example.json"));
  const before = await storedLedger(page);
  await page.goto("/invoices/i1");
  await page.getByLabel("Amount received").fill("12,34.5");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.locator("#payment-amount-error")).toContainText("not an amount");
  await page.getByLabel("Amount received").fill("5000");
  await page.getByRole("button", { name: "Save payment" }).click();
  await expect(page.locator("#payment-amount-error")).toContainText("more than the open balance");
  expect(await storedLedger(page)).toBe(before);
});

test("export, clear and import give back identical data", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-status")).toContainText("Added sample data");
  const first = await download(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId("import-file").setInputFiles(first.path);
  await expect(page.getByTestId("import-status")).toContainText("Imported 8 clients, 40 invoices");
  const second = await download(page);
  const withoutStamp = (text: string) => ({ ...JSON.parse(text), exported_at: null });
  expect(withoutStamp(second.text)).toEqual(withoutStamp(first.text));
  expect(first.name).toMatch(/^overdue-backup-\d{4}-\d{2}-\d{2}\.json$/);
});

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-backup").click()]);
  const path = join(mkdtempSync(join(tmpdir(), "overdue-")), file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

const malformed: [string, (doc: any) => any, RegExp][] = [
  ["bad JSON", () => "{ this is not json", /not valid JSON/],
  ["a wrong format", (d) => ({ ...d, format: "spreadsheet" }), /format: expected "overdue-backup"/],
  ["a payment for a missing invoice", (d) => { d.payments[0].invoice_id = "i404"; return d; }, /payments\[0\] \(id "p1"\)\.invoice_id/],
  ["a negative amount", (d) => { d.invoices[0].amount = "-5.00"; return d; }, /invoices\[0\] \(id "i1"\)\.amount: the amount must not be negative/],
];

for (const [name, edit, message] of malformed) {
  test(`importing a file with ${name} names the problem and changes nothing`, async ({ page }) => {
    await page.goto("/data");
    await page.getByTestId("load-sample").click();
    await expect(page.getByTestId("import-status")).toContainText("Added sample data");
    const before = await storedLedger(page);
    const edited = edit(JSON.parse(readFixture("contract-example.json")));
    const path = join(mkdtempSync(join(tmpdir(), "overdue-")), "bad.json");
    writeFileSync(path, typeof edited === "string" ? edited : JSON.stringify(edited));
    await page.getByTestId("import-file").setInputFiles(path);
    await expect(page.getByTestId("import-status")).toContainText(message);
    await expect(page.getByTestId("import-status")).toContainText("your data is unchanged");
    expect(await storedLedger(page)).toBe(before);
  });
}

test("a full storage quota shows an error and loses nothing already stored", async ({ page }) => {
  await importBackup(page, fixture("contract-example.json"));
  const before = await storedLedger(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  // Client-side navigation keeps the stub in place: use the app's own links.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Business name").fill("Ada Studio Renamed");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("save-error")).toContainText("storage is full");
  const stored = await page.evaluate(() => localStorage.getItem("overdue.ledger"));
  expect(stored).toBe(before);
  // The change is still on screen and can be exported.
  await page.getByRole("link", { name: "Data" }).first().click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-backup").click()]);
  const path = join(mkdtempSync(join(tmpdir(), "overdue-")), "after-quota.json");
  await file.saveAs(path);
  expect(JSON.parse(readFileSync(path, "utf8")).business.name).toBe("Ada Studio Renamed");
  await page.reload();
  expect(await storedLedger(page)).toBe(before);
});
