// Interest that accrued on an invoice paid in full but late stays claimable: the letter view and
// the settlement planner claim it only when "Include interest on invoices paid late" is ticked.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

// INV-001: £1,200 due 14 Feb 2026, £200 paid on 1 Mar; on 16 Mar it owes £1,000, £10.62 interest
// (UK Act at 3.75% + 8) and £70: £1,080.62. INV-002: £1,000 due 30 Jan, paid in full on 1 Mar,
// 30 days late: 1,000 × 11.75% × 30 / 365 = £9.66, and £70 compensation: £79.66 still due.
test.beforeEach(async ({ page, data }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
  await data.importBackup(fixture("paid-late.json"));
});

test("the letter claims an invoice paid late only once the option is ticked", async ({ page, invoice, letter }) => {
  await invoice.open("i1");
  await invoice.draftLetter();
  await letter.choose("demand-letter");
  await expect(letter.includePaidLate).not.toBeChecked();
  await expect(page.getByText("1 invoice paid in full but late still carries £79.66 of interest and compensation.")).toBeVisible();
  await expect(letter.subject).toHaveText("Letter before action: £1,080.62 owed to Ada Studio");
  await expect(letter.body).not.toContainText("INV-002");

  await letter.includePaidLate.check();
  await expect(letter.body).toContainText("Invoice INV-002, due 30 January 2026, paid on 1 March 2026 (30 days late): interest £9.66, compensation £70.00");
  await expect(letter.body).toContainText("Interest on these invoices to date: £20.28");
  await expect(letter.subject).toHaveText("Letter before action: £1,160.28 owed to Ada Studio");
  await expectNoAxeViolations(page);

  await letter.includePaidLate.uncheck();
  await expect(letter.body).not.toContainText("INV-002");
});

test("the planner adds an invoice paid late to the case only once the option is ticked", async ({ page, settlement }) => {
  await settlement.open("c1");
  await expect(settlement.claim).toHaveAttribute("data-amount", "1080.62");
  await expect(settlement.caseRow("i2")).toHaveCount(0);

  await settlement.includePaidLate.check();
  await expect(settlement.caseRow("i2")).toHaveAttribute("data-paid-late", "true");
  await expect(settlement.caseRow("i2")).toContainText("Paid in full on 1 Mar 2026, 30 days late");
  await expect(settlement.caseRow("i2")).toContainText("£9.66");
  await expect(settlement.claim).toHaveAttribute("data-amount", "1160.28");
  await expectNoAxeViolations(page);

  await settlement.includePaidLate.uncheck();
  await expect(settlement.caseRow("i2")).toHaveCount(0);
  await expect(settlement.claim).toHaveAttribute("data-amount", "1080.62");
});
