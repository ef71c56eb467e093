// The aging dashboard: amounts per client, bucket and currency as of any day, and the queue.
import { test, expect, importBackup, fixture, expectNoAxeViolations } from "../fixtures";

const cell = (page, client: string, bucket: string, currency: string) =>
  page.locator(`[data-testid="aging-cell"][data-client="${client}"][data-bucket="${bucket}"][data-currency="${currency}"]`);

test("setting as-of re-ages every cell and orders the queue", async ({ page }) => {
  await importBackup(page, fixture("aging.json"));
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByTestId("as-of").fill("2026-06-01");

  // 1,000 − 400 paid, due 31 Jan → 121 days → 120+.
  await expect(cell(page, "c1", "120+", "GBP")).toHaveAttribute("data-amount", "600.00");
  // due 31 Mar → 62 days → 61-90.
  await expect(cell(page, "c1", "61-90", "GBP")).toHaveAttribute("data-amount", "250.00");
  // B-1 in EUR: due 3 Mar → 90 days → 61-90, never added to GBP.
  await expect(cell(page, "c2", "61-90", "EUR")).toHaveAttribute("data-amount", "500.00");
  // B-2: due 31 May → 1 day; its payment of 10 June does not count yet.
  await expect(cell(page, "c2", "1-30", "GBP")).toHaveAttribute("data-amount", "80.00");
  await expect(cell(page, "total", "total", "GBP")).toHaveAttribute("data-amount", "930.00");
  await expect(cell(page, "total", "total", "EUR")).toHaveAttribute("data-amount", "500.00");

  // Scores: A-1 30+40+30, B-1 30+30+30, A-2 30+20+30, B-2 20+0+1.
  const order = await page.getByTestId("queue-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-invoice")));
  expect(order).toEqual(["i1", "i3", "i2", "i4"]);
  await expect(page.getByTestId("queue-item").first()).toContainText("121 days late, no contact yet: overdue reminder");

  await page.getByTestId("as-of").fill("2026-06-15");
  await expect(cell(page, "c2", "1-30", "GBP")).toHaveCount(0);
  await expect(cell(page, "total", "total", "GBP")).toHaveAttribute("data-amount", "850.00");
  await expect(page.getByTestId("metric-dso")).toHaveAttribute("data-value", /\d/);
  await expectNoAxeViolations(page);
});

test("a cell drills down to its invoices and the queue opens an invoice", async ({ page }) => {
  await importBackup(page, fixture("aging.json"));
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByTestId("as-of").fill("2026-06-01");
  await cell(page, "total", "61-90", "GBP").getByRole("button").click();
  const drill = page.getByRole("region", { name: "Invoices behind the selected cell" });
  await expect(drill.getByRole("link", { name: "A-2" })).toBeVisible();
  await expect(drill.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "Open invoice A-1" }).click();
  await expect(page).toHaveURL(/\/invoices\/i1$/);
});
