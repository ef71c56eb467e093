// /import: other tools' CSV exports come in with the right balances, a second import of the
// same file adds nothing, a newer export adds what is new, bad rows are named by line and
// nothing is stored until the user decides, and Undo puts the stored data back byte for byte.
import { test, expect, expectNoAxeViolations } from "../fixtures";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folder = mkdtempSync(join(tmpdir(), "overdue-import-"));

/** Writes `text` to a file of the temp folder and returns its path. */
function csv(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const XERO_HEADER =
  "ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,SAAddressLine1,SAAddressLine2,SAAddressLine3,SAAddressLine4,SACity,SARegion,SAPostalCode,SACountry,InvoiceNumber,Reference,InvoiceDate,DueDate,PlannedDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,InventoryItemCode,Description,Quantity,UnitAmount,Discount,LineAmount,AccountCode,TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,Type,Sent,Status";

/** One Xero export row: one line item of an invoice. */
function xeroRow(contact: string, number: string, issued: string, due: string, total: string, paid: string, owed: string, line: string, type: string, status: string) {
  const address = ",,,,,,,,,,,,,,,,"; // PO and SA address columns, blank
  return `${contact},ap@${contact.split(" ")[0].toLowerCase()}.test${address},${number},,${issued},${due},,${total},0.00,${paid},${owed},,Work,1,${line},,${line},200,Tax on Sales,0.00,,,,,GBP,${type},Sent,${status}`;
}

function xeroExport(paidOnFirst: string) {
  const owed = (1200 - Number(paidOnFirst)).toFixed(2);
  return [
    XERO_HEADER,
    xeroRow("Harbour Lights Ltd", "INV-0101", "15/09/2026", "15/10/2026", "1200.00", paidOnFirst, owed, "800.00", "Sales invoice", "Awaiting Payment"),
    xeroRow("Harbour Lights Ltd", "INV-0101", "15/09/2026", "15/10/2026", "1200.00", paidOnFirst, owed, "400.00", "Sales invoice", "Awaiting Payment"),
    xeroRow("Kestrel Print", "INV-0102", "20/09/2026", "20/10/2026", "450.00", "0.00", "450.00", "450.00", "Sales invoice", "Awaiting Payment"),
    xeroRow("Kestrel Print", "CN-0007", "21/09/2026", "21/09/2026", "-50.00", "0.00", "-50.00", "-50.00", "Sales credit note", "Awaiting Payment"),
    xeroRow("Kestrel Print", "INV-0103", "22/09/2026", "22/10/2026", "90.00", "0.00", "90.00", "90.00", "Sales invoice", "Draft"),
    xeroRow("Kestrel Print", "INV-0104", "23/09/2026", "23/10/2026", "75.00", "0.00", "75.00", "75.00", "Sales invoice", "Voided"),
  ].join("\r\n") + "\r\n";
}

const QUICKBOOKS_AGING = `"Foundry Distribution, Inc",,,,,,,
A/R Aging Detail Report,,,,,,,
"As of Nov 20, 2026",,,,,,,

,Date,Transaction type,Num,Customer full name,Due date,Amount,Open balance
91 or more days past due,,,,,,,
,07/14/2026,Invoice,SI-1,Tactics Outdoor,08/13/2026,"1,000.00",800.00
,01/23/2026,Credit Memo,SC-1,Zumiez Retail,01/23/2026,-100.00,-100.00
Total for 91 or more days past due,,,,,,,700.00
CURRENT,,,,,,,
,11/01/2026,Invoice,SI-2,Sports Basement,12/01/2026,500.00,500.00
Total for CURRENT,,,,,,,500.00
TOTAL,,,,,,,"1,200.00"
" Friday, November 20, 2026 04:19 PM GMT-06:00",,,,,,,
`;

/** The `/import` page's hooks, as a journey. */

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
});

test("a Xero export imports once, and a newer export adds the new payment", async ({ page, data, importer }) => {
  await importer.open();
  await importer.choose(csv("xero.csv", xeroExport("200.00")));
  await expect(page.getByTestId("csv-profile")).toHaveAttribute("data-value", "xero");
  await expect(page.getByTestId("csv-date-order")).toHaveValue("dmy");
  await importer.expectRow("INV-0101", { action: "new", amount: "1200.00", balance: "1000.00", due: "2026-10-15", currency: "GBP", client: "Harbour Lights Ltd" });
  await importer.expectRow("INV-0102", { action: "new", amount: "450.00", balance: "450.00", due: "2026-10-20" });
  for (const skipped of ["CN-0007", "INV-0103", "INV-0104"]) {
    await importer.expectRow(skipped, { action: "skip" });
  }
  await expectNoAxeViolations(page);
  await importer.importRows();
  await expect(page.getByTestId("csv-status")).toContainText("2 new invoices");

  await importer.choose(csv("xero-again.csv", xeroExport("200.00")));
  await importer.expectRow("INV-0101", { action: "unchanged" });
  await importer.expectRow("INV-0102", { action: "unchanged" });
  await expect(page.getByTestId("csv-import")).toBeDisabled();

  await importer.choose(csv("xero-newer.csv", xeroExport("500.00")));
  await importer.expectRow("INV-0101", { action: "update", balance: "700.00" });
  await importer.expectRow("INV-0102", { action: "unchanged" });
  await importer.importRows();
  expect(await importer.balanceOf("INV-0101")).toBe("700.00");
  expect(await importer.balanceOf("INV-0102")).toBe("450.00");
});

test("a QuickBooks A/R Aging Detail report imports its open balances in the chosen currency", async ({ page, data, importer }) => {
  await importer.open();
  await importer.choose(csv("aging.csv", QUICKBOOKS_AGING));
  await expect(page.getByTestId("csv-profile")).toHaveAttribute("data-value", "quickbooks-aging");
  await expect(page.getByTestId("csv-date-order")).toHaveValue("mdy");
  await page.getByTestId("csv-currency").selectOption("USD");
  await importer.expectRow("SI-1", { action: "new", amount: "1000.00", balance: "800.00", due: "2026-08-13", currency: "USD", client: "Tactics Outdoor" });
  await importer.expectRow("SI-2", { action: "new", balance: "500.00", due: "2026-12-01", currency: "USD" });
  await importer.expectRow("SC-1", { action: "skip" });
  await importer.importRows();
  expect(await importer.balanceOf("SI-1")).toBe("800.00");
  expect(await importer.balanceOf("SI-2")).toBe("500.00");
});

test("a semicolon file with decimal commas and unknown headers imports after mapping", async ({ page, data, importer }) => {
  await importer.open();
  await importer.choose(csv("german.csv", "Kunde;Beleg;Datum;Zahlbar bis;Brutto;Restbetrag\nMüller GmbH;R-2026-001;15.01.2026;14.02.2026;1.234,56;1.000,00\nDupont SA;R-2026-002;03.02.2026;05.03.2026;980,00;980,00\n"));
  await expect(page.getByTestId("csv-profile")).toHaveAttribute("data-value", "generic");
  await expect(page.getByTestId("csv-problem").first()).toContainText("No column is mapped");
  await expect(page.getByTestId("csv-import")).toBeDisabled();
  await importer.map("number", "Beleg");
  await importer.map("due_date", "Zahlbar bis");
  await importer.map("amount", "Brutto");
  await page.getByTestId("csv-decimal").selectOption(",");
  await page.getByTestId("csv-currency").selectOption("EUR");
  await importer.expectRow("R-2026-001", { action: "new", amount: "1234.56", balance: "1000.00", due: "2026-02-14", currency: "EUR", client: "Müller GmbH" });
  await importer.expectRow("R-2026-002", { action: "new", amount: "980.00", balance: "980.00" });
  await importer.importRows();
  expect(await importer.balanceOf("R-2026-001")).toBe("1000.00");
});

test("bad rows are named by line, nothing is stored until the user decides, and Undo restores the stored data byte for byte", async ({ page, data, importer }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-status")).toContainText("Added sample data");
  await importer.open();
  const before = await data.storedLedger();
  const revision = await importer.revision();
  await importer.choose(csv("bad.csv", "Client,Invoice Number,Invoice Date,Due Date,Total,Currency\nNorthwind Trading,NW-1,2026-10-01,2026-10-31,300.00,GBP\nNorthwind Trading,NW-2,2026-10-02,2026-11-01,three hundred,GBP\nNorthwind Trading,NW-3,2026-10-05,2026-09-01,20.00,GBP\n"));
  await expect(page.locator('[data-testid="csv-problem"][data-line="3"]')).toContainText("three hundred");
  await expect(page.locator('[data-testid="csv-problem"][data-line="4"]')).toContainText("before the issue date");
  await importer.expectRow("NW-2", { action: "skip" });
  await expect(page.getByTestId("csv-import")).toBeDisabled();
  expect(await data.storedLedger()).toBe(before);

  await page.getByTestId("csv-acknowledge").check();
  await importer.importRows();
  await expect(page.getByTestId("csv-status")).toContainText("1 new invoice");
  await expect(page.getByTestId("csv-status")).toContainText("2 rows were not imported");
  expect(await data.storedLedger()).not.toBe(before);

  const imported = await importer.revision();
  await page.getByTestId("csv-undo").click();
  await expect(page.getByTestId("csv-status")).toContainText("The import was undone");
  await importer.savedAfter(imported);
  expect(await data.storedLedger()).toBe(before);
  expect(await importer.revision()).toBe(revision);
  await expect(page.getByTestId("csv-undo")).toHaveCount(0);
  await importer.expectRow("NW-1", { action: "new" });
});

test("the invoices-and-payments CSV from Data imports back with nothing to change", async ({ page, data, importer }) => {
  await data.loadSample();
  const exported = await data.exportCsv();
  expect(exported.name).toBe("overdue-invoices-2026-11-24.csv");
  await importer.open();
  await importer.choose(exported.path);
  await expect(page.getByTestId("csv-profile")).toHaveAttribute("data-value", "overdue");
  const actions = await page.getByTestId("csv-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")));
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(["unchanged"]));
  await expect(page.getByTestId("csv-import")).toBeDisabled();
});
