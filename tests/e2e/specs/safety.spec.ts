// Never lose a record, never run a formula: typed drafts survive other saves, exports cannot
// attack a spreadsheet, odd ids open their own invoice, and absurd amounts blank no page.
import { test, expect, readFixture } from "../fixtures";
import { DataPage } from "../pages/data";
import { InvoicePage } from "../pages/invoice";
import { wholeLabel } from "../pages/page-object";
import { writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

/** The contract's example backup, edited by `edit`, written to a temporary file. */
function backupWith(edit: (doc: any) => void): string {
  const doc = JSON.parse(readFixture("contract-example.json"));
  edit(doc);
  const path = join(mkdtempSync(join(tmpdir(), "overdue-")), "backup.json");
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** The fields of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      fields.push(field);
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return fields;
}

test("an open invoice form keeps what was typed while another tab and this page record payments", async ({ page, context, data, invoice }) => {
  await data.importBackup(backupWith(() => {}));
  await invoice.open("i1");
  await invoice.startEditing();
  await invoice.formField("Description").fill("Typed here, not saved yet");

  const otherPage = await context.newPage();
  const other = { invoice: new InvoicePage(otherPage), data: new DataPage(otherPage) };
  await other.invoice.open("i1");
  await other.data.waitForSave(() => other.invoice.recordPayment("100", "2026-03-02"));

  // The figures follow the other tab; the form keeps its draft and has nothing to ask.
  await expect(invoice.balance).toHaveAttribute("data-amount", "900.00");
  await expect(invoice.formField("Description")).toHaveValue("Typed here, not saved yet");
  await data.waitForSave(() => invoice.recordPayment("50", "2026-03-03"));
  await expect(invoice.balance).toHaveAttribute("data-amount", "850.00");
  await expect(invoice.formField("Description")).toHaveValue("Typed here, not saved yet");
  await expect(invoice.recordChanged).toHaveCount(0);

  // The other tab changes the invoice itself: this form says so and lets the person choose.
  await other.invoice.startEditing();
  await other.invoice.formField("Amount").fill("1,300.00");
  await other.data.waitForSave(() => other.invoice.saveChanges());
  await expect(invoice.recordChanged).toContainText("This invoice changed since you opened it");
  await expect(invoice.formField("Description")).toHaveValue("Typed here, not saved yet");
  await invoice.resolveChange("keep my edits");
  await expect(invoice.recordChanged).toHaveCount(0);
  await expect(invoice.formField("Description")).toHaveValue("Typed here, not saved yet");
  await expect(invoice.formField("Amount")).toHaveValue("1300.00");

  await data.waitForSave(() => invoice.saveChanges());
  const stored = await data.storedDocument();
  const saved = stored.invoices.find((i: any) => i.id === "i1");
  expect([saved.amount, saved.description]).toEqual(["1300.00", "Typed here, not saved yet"]);
  expect(stored.payments.filter((p: any) => p.invoice_id === "i1")).toHaveLength(3);
  await page.reload();
  await expect(invoice.balance).toHaveAttribute("data-amount", "950.00");
});

test("a payment dated after today is warned about and not shown as paid", async ({ data, invoice }) => {
  const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await data.importBackup(backupWith((doc) => (doc.payments = [])));
  await invoice.open("i1");
  await invoice.paymentDate.fill(later);
  await expect(invoice.futurePaymentWarning).toContainText("is after today");
  await data.waitForSave(() => invoice.recordPayment("200"));
  await expect(invoice.balance).toHaveAttribute("data-amount", "1200.00");
  await expect(invoice.paidLater).toContainText("£200.00 more is dated after today");
  await expect(invoice.paymentRows.first()).toContainText("future");
});

const hostileNames = [
  '=HYPERLINK("http://evil.test","Click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3",
  "\t=1+1",
  "\r=1+1",
];

test("the aging CSV of hostile client names has no cell that starts a formula", async ({ data, dashboard }) => {
  await data.importBackup(
    backupWith((doc) => {
      doc.clients = hostileNames.map((name, n) => ({ id: `h${n}`, name }));
      doc.invoices = hostileNames.map((_, n) => ({
        id: `i${n}`, client_id: `h${n}`, number: `INV-${n}`, issue_date: "2026-01-15",
        due_date: "2026-02-14", amount: "100.00", currency: "GBP",
      }));
      doc.payments = [];
      doc.activities = [];
    }),
  );
  await expect(data.status).toContainText("Imported 6 clients");
  await dashboard.open();
  const csv = await dashboard.exportCsv();
  const fields = csvFields(csv.text);
  for (const name of hostileNames) expect(fields).toContain(`'${name}`);
  const formulas = fields.filter((field) => /^[=+\-@\t\r]/.test(field) && !/^-?\d+(\.\d+)?$/.test(field));
  expect(formulas).toEqual([]);
});

test("an invoice whose id looks like a query opens itself, and its payment lands on it", async ({ page, data, invoices, invoice }) => {
  await data.importBackup(
    backupWith((doc) => {
      doc.invoices.push(
        { ...doc.invoices[0], id: "A", number: "INV-A", amount: "100.00" },
        { ...doc.invoices[0], id: "A?x=1", number: "INV-Q", amount: "300.00" },
      );
    }),
  );
  await invoices.open();
  await page.getByRole("link", { name: "INV-Q", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invoice INV-Q");
  expect(new URL(page.url()).pathname).toBe("/invoices/A%3Fx%3D1");
  await expect(invoice.balance).toHaveAttribute("data-amount", "300.00");
  await data.waitForSave(() => invoice.recordPayment("50", "2026-03-01"));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invoice INV-Q");
  await expect(invoice.balance).toHaveAttribute("data-amount", "250.00");
  const stored = await data.storedDocument();
  expect(stored.payments.filter((p: any) => p.amount === "50.00").map((p: any) => p.invoice_id)).toEqual(["A?x=1"]);
});

const thirtyDigits = "123456789012345678901234567890";

test("a 30-digit amount is refused with a message on every form, and no page goes blank", async ({ page, data, client, invoice, settlement }) => {
  const crashes: string[] = [];
  page.on("pageerror", (error) => crashes.push(`${page.url()}: ${error.message}`));
  await data.importBackup(backupWith(() => {}));
  const before = await data.storedLedger();

  await client.open("c1");
  await client.startInvoice();
  await client.field("Invoice number").fill("INV-BIG");
  await page.getByLabel(wholeLabel("Amount")).fill(thirtyDigits);
  await page.getByRole("button", { name: "Save invoice" }).click();
  await client.expectFieldError(page.getByLabel(wholeLabel("Amount")), "the amount must be at most 999,999,999,999.99");

  await invoice.open("i1");
  await invoice.recordPayment(thirtyDigits);
  await invoice.expectPaymentAmountError("the amount must be at most 999,999,999,999.99");

  await settlement.open("c1");
  await settlement.plan({ total: thirtyDigits });
  await settlement.expectFieldError(page.getByTestId("plan-total"), "the amount must be at most 999,999,999,999.99");

  expect(await data.storedLedger()).toBe(before);
  for (const path of ["/", "/clients", "/clients/c1", "/invoices", "/invoices/i1", "/templates", "/settlement/c1", "/settings", "/data", "/import"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await page.reload();
    await expect(page.locator("main h1")).toBeVisible();
  }
  expect(crashes).toEqual([]);
});
