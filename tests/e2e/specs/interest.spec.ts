// Statutory interest on an invoice page, with the clock fixed at 1 March 2024.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page, data }) => {
  await page.clock.setFixedTime(new Date("2024-03-01T12:00:00"));
  await data.importBackup(fixture("interest.json"));
});

test("a UK invoice shows Late Payment Act interest and the £70 compensation", async ({ page, app, invoices, invoice }) => {
  await app.navigate("Invoices");
  await invoices.openInvoice("UK-1");
  // 1,000 × (5.25 + 8)% × 30 / 365 = 10.89 (1 Feb – 1 Mar 2024).
  await expect(invoice.interestTotal).toHaveAttribute("data-amount", "10.89");
  await expect(invoice.compensation).toHaveAttribute("data-amount", "70.00");
  await expect(invoice.interestRows).toHaveCount(1);
  await expect(page.getByText("This is a calculation aid, not legal advice.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an EU invoice re-fixes the rate each half-year and adds €40", async ({ page, app, invoices, invoice }) => {
  await app.navigate("Invoices");
  await invoices.openInvoice("EU-1");
  // 16–30 Jun 2023 at 10.50%: 43.15; 1 Jul–31 Dec at 12.00%: 604.93; 1 Jan–1 Mar 2024 at 12.50%: 208.90.
  await expect(invoice.interestRows).toHaveCount(3);
  await expect(invoice.interestTotal).toHaveAttribute("data-amount", "856.98");
  await expect(invoice.compensation).toHaveAttribute("data-amount", "40.00");
});

test("a consumer debt says why statutory interest does not apply", async ({ page, app, invoices, invoice }) => {
  await app.navigate("Invoices");
  await invoices.openInvoice("C-1");
  await expect(invoice.interestTotal).toHaveAttribute("data-amount", "0.00");
  await expect(invoice.interestRows).toHaveCount(0);
  await expect(page.getByText(/business-to-business debts only/)).toBeVisible();
});

test("a rate added in settings is kept and refused when it repeats", async ({ page, app, data, settings }) => {
  await app.navigate("Settings");
  await data.waitForSave(() => settings.addRate({ table: "ecb", from: "2026-03-01", percent: "1.90" }));
  await expect(settings.removeRateButton("1 Mar 2026")).toBeVisible();
  await settings.addRate({ from: "2026-03-01", percent: "2" });
  await settings.expectFieldError(settings.rateFrom, "already in this table");
  await page.reload();
  await expect(settings.removeRateButton("1 Mar 2026")).toBeVisible();
  await expectNoAxeViolations(page);
});
