// The case file drives the queue: a promise holds an invoice until it is broken, a pause takes
// it out until the day chasing resumes, and an open dispute stops escalation. The clock is
// fixed at 3 March 2026; INV-001 (£1,200, Acme Ltd) was due on 14 February.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page, data }) => {
  await page.clock.setFixedTime(new Date("2026-03-03T12:00:00"));
  await data.importBackup(fixture("case.json"));
});

test("a promise keeps the invoice out of the queue until it is broken, then the queue and the next letter say so", async ({ page, app, invoice, dashboard, letter }) => {
  await invoice.open("i1");
  await invoice.unfold("Record a promise");
  await expect(invoice.promiseAmount).toHaveValue("1200.00");
  await invoice.recordPromise("2026-03-10", { by: "Jo Bloggs" });
  await expect(invoice.promises).toHaveCount(1);
  await expect(invoice.promises.first()).toHaveAttribute("data-state", "pending");
  await expect(invoice.promises.first()).toContainText("£1,200.00 by 10 Mar 2026");
  await expect(invoice.nextStep).toContainText("The client promised to pay");
  await expectNoAxeViolations(page);

  await app.navigate("Dashboard");
  await expect(dashboard.queueItem("i2")).toBeVisible();
  await expect(dashboard.queueItem("i1")).toHaveCount(0);
  await expect(dashboard.pausedCount).toHaveText("Waiting on the client: 1 promised");
  await expect(dashboard.waitingItem("i1")).toHaveAttribute("data-hold", "promise");
  await expect(dashboard.waitingItem("i1")).toContainText("promised £1,200.00 by 10 Mar 2026");

  // Within the three days' grace it still waits; the day after, the promise is broken.
  await dashboard.setAsOf("2026-03-13");
  await expect(dashboard.queueItem("i1")).toHaveCount(0);
  await dashboard.setAsOf("2026-03-14");
  await expect(dashboard.queueItem("i1")).toContainText(
    "1 broken promise: overdue reminder; broke the promise of 3 Mar 2026: promised £1,200.00 by 10 Mar 2026, nothing received",
  );
  expect(await dashboard.queueOrder()).toEqual(["i1", "i2"]);
  await expect(dashboard.pausedCount).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.clock.setFixedTime(new Date("2026-03-14T12:00:00"));
  await invoice.open("i1");
  await expect(invoice.promises.first()).toHaveAttribute("data-state", "broken");

  // The next letter quotes the promise it broke.
  await invoice.draftLetter();
  await letter.choose("follow-up");
  await expect(letter.body).toContainText(
    "On 3 March 2026 you promised to pay £1,200.00 by 10 March 2026; we have not received it.",
  );
});

test("a paused invoice leaves the queue and returns on the day chasing resumes", async ({ page, app, data, invoice, dashboard }) => {
  await invoice.open("i1");
  const before = await data.storedLedger();
  await invoice.pauseChasing("2026-03-01", "Awaiting PO");
  await invoice.expectFieldError(page.getByTestId("pause-until"), "chasing must resume after the pause starts");
  expect(await data.storedLedger()).toBe(before);
  await invoice.pauseChasing("2026-03-10", "Awaiting PO");
  await expect(invoice.pause).toContainText("Chasing paused from 3 Mar 2026 until 10 Mar 2026: Awaiting PO");
  await expect(invoice.nextStep).toContainText("Chasing is paused until 10 Mar 2026");
  await expectNoAxeViolations(page);

  await app.navigate("Dashboard");
  await expect(dashboard.queueItem("i1")).toHaveCount(0);
  await expect(dashboard.pausedCount).toHaveAttribute("data-value", "1");
  await expect(dashboard.pausedCount).toHaveText("Waiting on the client: 1 paused");
  await dashboard.setAsOf("2026-03-09");
  await expect(dashboard.queueItem("i1")).toHaveCount(0);
  await dashboard.setAsOf("2026-03-10");
  await expect(dashboard.queueItem("i1")).toBeVisible();
  await expect(dashboard.pausedCount).toHaveCount(0);

  // Ending the pause early brings the invoice back today.
  await dashboard.setAsOf("2026-03-03");
  await expect(dashboard.queueItem("i1")).toHaveCount(0);
  await invoice.open("i1");
  await invoice.endPause();
  await expect(invoice.pause).toHaveCount(0);
  await app.navigate("Dashboard");
  await expect(dashboard.queueItem("i1")).toBeVisible();
});

test("an open dispute stops escalation until it is resolved", async ({ page, app, invoice, letter, dashboard }) => {
  await invoice.open("i1");
  await invoice.openDispute("Two pages of the site were not delivered");
  await expect(invoice.dispute).toHaveAttribute("data-state", "open");
  await expect(invoice.dispute).toContainText("The whole invoice is disputed");
  await expectNoAxeViolations(page);

  await app.navigate("Dashboard");
  await dashboard.setAsOf("2026-03-15");
  await expect(dashboard.queueItem("i1")).toContainText("resolve the dispute first (open 12 days)");

  // On 20 March, 34 days late, the ladder would send the follow-up; the letter view offers only
  // the mildest reminder while the dispute is open.
  await page.clock.setFixedTime(new Date("2026-03-20T12:00:00"));
  await invoice.open("i1");
  await expect(invoice.nextStep).toContainText("resolve the dispute before sending further reminders");
  await invoice.draftLetter();
  await expect(page.getByTestId("letter-template")).toHaveValue("reminder-overdue");

  await invoice.resolveDispute("rejected", "The delivery notes are signed.");
  await expect(invoice.dispute).toHaveAttribute("data-state", "resolved");
  await expect(invoice.dispute).toContainText("Rejected: chasing resumes");
  await expect(page.getByTestId("dispute-response")).toHaveAttribute("data-template", "dispute-response");
  await app.navigate("Dashboard");
  await expect(dashboard.queueItem("i1")).toContainText(": overdue reminder");
});

test("the grace period is set in Settings and a wrong one is refused by name", async ({ page, settings, data }) => {
  await settings.open();
  const before = await data.storedLedger();
  await settings.setPromiseGrace("90");
  await settings.expectFieldError(settings.promiseGrace, "enter a whole number of days from 0 to 60");
  expect(await data.storedLedger()).toBe(before);
  await settings.setPromiseGrace("5");
  await expect(settings.savedNotice).toBeVisible();
  await expectNoAxeViolations(page);
});
