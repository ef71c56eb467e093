// Rate tables carry the date they were checked to: once the clock passes it, a figure that
// depends on a later period says so beside it, on the invoice, in the letter view and in the
// settlement planner.
import { test, expect, fixture } from "../fixtures";

const note = /table checked to 30 Sep 2026; if the bank has changed its rate since, add the new rate in Settings/;

test("interest past the ECB table's check date is flagged on the invoice, in the letter and in the planner", async ({ page, data, invoice, letter, settlement }) => {
  // The EU rule re-fixes the rate each half-year from the ECB rate in force on 1 January or
  // 1 July; on 20 Jan 2027 the half-year from 1 Jan 2027 needs a rate after the table's
  // "checked up to" date of 30 Sep 2026.
  await page.clock.setFixedTime(new Date("2027-01-20T12:00:00"));
  await data.importBackup(fixture("interest.json"));
  await invoice.open("eu");
  await expect(page.getByTestId("interest-stale")).toHaveText(note);
  await invoice.draftLetter();
  await letter.choose("demand-letter");
  await expect(letter.stale).toHaveText(note);
  await settlement.open("c2");
  await expect(settlement.stale).toHaveText(note);
});

test("interest within the checked period carries no such note", async ({ page, data, invoice, settlement }) => {
  // On 15 Sep 2026 the current half-year's rate (in force on 1 Jul 2026) is in the table.
  await page.clock.setFixedTime(new Date("2026-09-15T12:00:00"));
  await data.importBackup(fixture("interest.json"));
  await invoice.open("eu");
  await expect(invoice.interestTotal).toBeVisible();
  await expect(page.getByTestId("interest-stale")).toHaveCount(0);
  await settlement.open("c2");
  await expect(settlement.claim).toBeVisible();
  await expect(settlement.stale).toHaveCount(0);
});
