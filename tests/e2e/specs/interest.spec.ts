// Statutory interest on an invoice page, with the clock fixed at 1 March 2024.
import { test, expect, importBackup, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2024-03-01T12:00:00"));
  await importBackup(page, fixture("interest.json"));
});

test("a UK invoice shows Late Payment Act interest and the £70 compensation", async ({ page }) => {
  await page.getByRole("link", { name: "Invoices" }).click();
  await page.getByRole("link", { name: "UK-1" }).click();
  // 1,000 × (5.25 + 8)% × 30 / 365 = 10.89 (1 Feb – 1 Mar 2024).
  await expect(page.getByTestId("interest-total")).toHaveAttribute("data-amount", "10.89");
  await expect(page.getByTestId("compensation")).toHaveAttribute("data-amount", "70.00");
  await expect(page.getByTestId("interest-row")).toHaveCount(1);
  await expect(page.getByText("This is a calculation aid, not legal advice.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an EU invoice re-fixes the rate each half-year and adds €40", async ({ page }) => {
  await page.getByRole("link", { name: "Invoices" }).click();
  await page.getByRole("link", { name: "EU-1" }).click();
  // 16–30 Jun 2023 at 10.50%: 43.15; 1 Jul–31 Dec at 12.00%: 604.93; 1 Jan–1 Mar 2024 at 12.50%: 208.90.
  await expect(page.getByTestId("interest-row")).toHaveCount(3);
  await expect(page.getByTestId("interest-total")).toHaveAttribute("data-amount", "856.98");
  await expect(page.getByTestId("compensation")).toHaveAttribute("data-amount", "40.00");
});

test("a consumer debt says why statutory interest does not apply", async ({ page }) => {
  await page.getByRole("link", { name: "Invoices" }).click();
  await page.getByRole("link", { name: "C-1" }).click();
  await expect(page.getByTestId("interest-total")).toHaveAttribute("data-amount", "0.00");
  await expect(page.getByTestId("interest-row")).toHaveCount(0);
  await expect(page.getByText(/business-to-business debts only/)).toBeVisible();
});

test("a rate added in settings is kept and refused when it repeats", async ({ page }) => {
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Table").selectOption("ecb");
  await page.getByLabel("In force from").fill("2026-03-01");
  await page.getByLabel("Rate (% a year)").fill("1.90");
  await page.getByRole("button", { name: "Add rate" }).click();
  await expect(page.getByRole("button", { name: "Remove the rate from 1 Mar 2026" })).toBeVisible();
  await page.getByLabel("In force from").fill("2026-03-01");
  await page.getByLabel("Rate (% a year)").fill("2");
  await page.getByRole("button", { name: "Add rate" }).click();
  await expect(page.locator("#rate-from-error")).toContainText("already in this table");
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove the rate from 1 Mar 2026" })).toBeVisible();
  await expectNoAxeViolations(page);
});
