// The aging dashboard: amounts per client, bucket and currency as of any day, and the queue.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ data, app }) => {
  await data.importBackup(fixture("aging.json"));
  await app.navigate("Dashboard");
});

test("setting as-of re-ages every cell and orders the queue", async ({ page, dashboard }) => {
  await dashboard.setAsOf("2026-06-01");

  // 1,000 − 400 paid, due 31 Jan → 121 days → 120+.
  await expect(dashboard.cell("c1", "120+", "GBP")).toHaveAttribute("data-amount", "600.00");
  // due 31 Mar → 62 days → 61-90.
  await expect(dashboard.cell("c1", "61-90", "GBP")).toHaveAttribute("data-amount", "250.00");
  // B-1 in EUR: due 3 Mar → 90 days → 61-90, never added to GBP.
  await expect(dashboard.cell("c2", "61-90", "EUR")).toHaveAttribute("data-amount", "500.00");
  // B-2: due 31 May → 1 day; its payment of 10 June does not count yet.
  await expect(dashboard.cell("c2", "1-30", "GBP")).toHaveAttribute("data-amount", "80.00");
  await expect(dashboard.total("GBP")).toHaveAttribute("data-amount", "930.00");
  await expect(dashboard.total("EUR")).toHaveAttribute("data-amount", "500.00");

  // Scores: A-1 30+40+30, B-1 30+30+30, A-2 30+20+30, B-2 20+0+1.
  expect(await dashboard.queueOrder()).toEqual(["i1", "i3", "i2", "i4"]);
  await expect(dashboard.queue.first()).toContainText("121 days late, no contact yet: overdue reminder");

  await dashboard.setAsOf("2026-06-15");
  await expect(dashboard.cell("c2", "1-30", "GBP")).toHaveCount(0);
  await expect(dashboard.total("GBP")).toHaveAttribute("data-amount", "850.00");
  // GBP over the 90 days after 17 Mar 2026 up to 15 Jun 2026: receivables 600 (A-1) + 250
  // + 0 (B-2, paid 10 Jun) = 850; credit sales are B-2 alone (issued 1 May; were
  // issued before the period) = 80. DSO = 850 ÷ 80 × 90 = 956.25 days.
  await expect(dashboard.metric("dso")).toHaveAttribute("data-value", "956.25");
  // Nothing is current (not yet due) on 15 Jun, so best possible DSO is 0 and ADD = DSO.
  await expect(dashboard.metric("add")).toHaveAttribute("data-value", "956.25");
  await expectNoAxeViolations(page);
});

test("a cell drills down to its invoices and the queue opens an invoice", async ({ page, dashboard }) => {
  await dashboard.setAsOf("2026-06-01");
  const drill = await dashboard.drillDown("total", "61-90", "GBP");
  await expect(drill.getByRole("link", { name: "A-2" })).toBeVisible();
  await expect(drill.getByRole("row")).toHaveCount(2);
  await dashboard.openFromQueue("A-1");
  await expect(page).toHaveURL(/\/invoices\/i1$/);
});
