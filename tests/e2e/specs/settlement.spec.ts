// The settlement planner: options, an exact schedule, its calendar, accepting and tracking.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page, data }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
  await data.importBackup(fixture("letters.json"));
});

test("draw a plan, download its calendar, accept it and see a payment mark an instalment paid", async ({ page, data, client, settlement, invoice, letter }) => {
  await client.open("c1");
  await client.openSettlementPlanner();
  await expect(page).toHaveURL(/\/settlement\/c1$/);
  // Claim: £1,000.00 + £10.62 interest (UK Act at 3.75% + 8, see letters.spec.ts) + £70.00.
  await expect(settlement.claim).toHaveAttribute("data-amount", "1080.62");
  // INV-001 is 30 days late (due 14 Feb), so the under-90-days defaults apply, and every
  // option is discounted at 5% a year, monthly: d = 1 + 0.05 ÷ 12 = 1.0041667.
  //   lump sum:    0.90 × £972.56 (10% off £1,080.62) = £875.30 ÷ d = 871.67
  //   instalments: (1 − 0.10) × £1,080.62 = £972.558 ÷ d³ (paid on average 3 months out) = 960.50
  //   agency:      0.80 × £1,080.62 × 75% (25% commission) = £648.372 ÷ d⁴ = 637.68
  //   court:       0.85 × 0.80 × £1,080.62 − £115.00 costs (5% is £54.03, below the minimum)
  //                = £619.8216 ÷ d⁹ = 597.06
  //   write-off:   nothing.
  await expect.poll(() => settlement.optionValues()).toEqual({
    "lump-sum": "871.67",
    instalments: "960.50",
    agency: "637.68",
    court: "597.06",
    "write-off": "0.00",
  });

  await settlement.plan({ total: "1000.00", downPayment: "", count: "3", frequency: "monthly", firstDate: "2026-03-31" });
  await expect(settlement.scheduleRows).toHaveCount(3);
  // Equal parts rounded down, the remainder last; 31 March → 30 April → 31 May.
  expect(await settlement.schedule()).toEqual([["2026-03-31", "333.33"], ["2026-04-30", "333.33"], ["2026-05-31", "333.34"]]);

  const ics = await settlement.downloadCalendar();
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
  expect(starts).toEqual(["20260331", "20260430", "20260531"]);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(ics.split("\r\n").every((line) => line.length <= 75)).toBe(true);
  await expectNoAxeViolations(page);

  await data.waitForSave(() => settlement.acceptPlan());
  await expect(settlement.instalments).toHaveCount(3);
  await invoice.open("i1");
  await data.waitForSave(() => invoice.recordPayment("333.33"));
  await page.reload();
  await settlement.open("c1");
  await expect(settlement.instalments.first()).toHaveAttribute("data-state", "paid");
  await expect(settlement.instalments.nth(1)).toHaveAttribute("data-state", "due");
  await client.open("c1");
  await expect(client.timeline).toContainText("Settlement plan accepted: £1,000.00 in 3 payments from 31 Mar 2026");
  // The agreement letter receives the offer and the schedule.
  await invoice.open("i1", { letter: true });
  await letter.choose("settlement-agreement");
  await expect(letter.body).toContainText("accept £1,000.00 in full and final settlement");
  await expect(letter.body).toContainText("3. 31 May 2026: £333.34");
});

test("an impossible plan names the input and draws nothing", async ({ settlement }) => {
  await settlement.open("c1");
  await settlement.plan({ count: "0" });
  await settlement.expectFieldError(settlement.planCount, "between 1 and 120");
  await expect(settlement.scheduleRows).toHaveCount(0);
});

test("the prep sheet is checked, saved with the client and kept after a reload", async ({ page, data, settlement }) => {
  await settlement.open("c1");
  await settlement.savePrepSheet({ floor: "lots" });
  await settlement.expectFieldError(settlement.walkAwayFloor, "not an amount");
  await data.waitForSave(() =>
    settlement.savePrepSheet({ floor: "850", clientSaid: "Cash is tight until the March payroll." }),
  );
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(settlement.walkAwayFloor).toHaveValue("850");
  await expect(settlement.clientSaid).toHaveValue("Cash is tight until the March payroll.");
  await expectNoAxeViolations(page);
});
