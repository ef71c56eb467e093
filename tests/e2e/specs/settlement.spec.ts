// The settlement planner: options, an exact schedule, its calendar, accepting and tracking.
import { test, expect, importBackup, fixture, expectNoAxeViolations } from "../fixtures";
import { readFileSync } from "node:fs";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
  await importBackup(page, fixture("letters.json"));
});

test("draw a plan, download its calendar, accept it and see a payment mark an instalment paid", async ({ page }) => {
  await page.goto("/clients/c1");
  await page.getByRole("link", { name: "Settlement planner" }).click();
  await expect(page).toHaveURL(/\/settlement\/c1$/);
  // Claim: £1,000.00 + £10.78 interest + £70.00 compensation.
  await expect(page.getByTestId("case-claim")).toHaveAttribute("data-amount", "1080.78");
  for (const option of ["lump-sum", "instalments", "agency", "court", "write-off"]) {
    await expect(page.locator(`[data-testid="option-value"][data-option="${option}"]`)).toHaveAttribute("data-amount", /^-?\d+\.\d\d$/);
  }
  await expect(page.locator('[data-testid="option-value"][data-option="write-off"]')).toHaveAttribute("data-amount", "0.00");

  await page.getByTestId("plan-total").fill("1000.00");
  await page.getByTestId("plan-down-payment").fill("");
  await page.getByTestId("plan-count").fill("3");
  await page.getByTestId("plan-frequency").selectOption("monthly");
  await page.getByTestId("plan-first-date").fill("2026-03-31");
  const rows = page.getByTestId("schedule-row");
  await expect(rows).toHaveCount(3);
  const got = await rows.evaluateAll((r) => r.map((e) => [e.getAttribute("data-date"), e.getAttribute("data-amount")]));
  // Equal parts rounded down, the remainder last; 31 March → 30 April → 31 May.
  expect(got).toEqual([["2026-03-31", "333.33"], ["2026-04-30", "333.33"], ["2026-05-31", "333.34"]]);

  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-ics").click()]);
  const ics = readFileSync(await file.path(), "utf8");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
  expect(starts).toEqual(["20260331", "20260430", "20260531"]);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(ics.split("\r\n").every((line) => line.length <= 75)).toBe(true);
  await expectNoAxeViolations(page);

  await page.getByTestId("accept-plan").click();
  await expect(page.getByTestId("plan-instalment")).toHaveCount(3);
  await page.goto("/invoices/i1");
  await page.getByLabel("Amount received").fill("333.33");
  await page.getByRole("button", { name: "Save payment" }).click();
  await page.reload();
  await page.goto("/settlement/c1");
  await expect(page.getByTestId("plan-instalment").first()).toHaveAttribute("data-state", "paid");
  await expect(page.getByTestId("plan-instalment").nth(1)).toHaveAttribute("data-state", "due");
  await page.goto("/clients/c1");
  await expect(page.locator(".timeline")).toContainText("Settlement plan accepted: £1,000.00 in 3 payments from 31 Mar 2026");
  // The agreement letter receives the offer and the schedule.
  await page.goto("/invoices/i1#letter");
  await page.getByTestId("letter-template").selectOption("settlement-agreement");
  await expect(page.getByTestId("letter-body")).toContainText("accept £1,000.00 in full and final settlement");
  await expect(page.getByTestId("letter-body")).toContainText("3. 31 May 2026: £333.34");
});

test("an impossible plan names the input and draws nothing", async ({ page }) => {
  await page.goto("/settlement/c1");
  await page.getByTestId("plan-count").fill("0");
  await expect(page.locator("#plan-count-error")).toContainText("between 1 and 120");
  await expect(page.getByTestId("schedule-row")).toHaveCount(0);
});

test("the prep sheet is checked, saved with the client and kept after a reload", async ({ page }) => {
  await page.goto("/settlement/c1");
  await page.getByLabel("Walk-away floor").fill("lots");
  await page.getByRole("button", { name: "Save the prep sheet" }).click();
  await expect(page.locator("#prep-floor-error")).toContainText("not an amount");
  await page.getByLabel("Walk-away floor").fill("850");
  await page.getByLabel("What the client told me").fill("Cash is tight until the March payroll.");
  await page.getByRole("button", { name: "Save the prep sheet" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Walk-away floor")).toHaveValue("850");
  await expect(page.getByLabel("What the client told me")).toHaveValue("Cash is tight until the March payroll.");
  await expectNoAxeViolations(page);
});
