// The case file in letters: a broken promise quoted in the next letter, one letter for all of
// a client's overdue invoices, and letters kept exactly as sent.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
});

test("a promise whose date has passed unpaid is quoted in the next letter", async ({ page, data, invoice, letter, templates }) => {
  // Jo promised £500 on 3 March by 10 March; with 3 days' grace it was broken on 14 March.
  await data.importBackup(fixture("case-letters.json"));
  await invoice.open("i1");
  await invoice.draftLetter();
  await letter.choose("follow-up");
  await expect(letter.body).toContainText(
    "The balance is £1,000.00.\n\nOn 3 March 2026 you promised to pay £500.00 by 10 March 2026; we have not received it.",
  );
  await letter.choose("reminder-overdue");
  await expect(letter.body).not.toContainText("you promised");

  await templates.open();
  await expect(page.getByRole("cell", { name: "promise.unkept", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "account.statement", exact: true })).toBeVisible();
  await templates.edit("Dispute response");
  await expect(templates.preview).toContainText("Your query about invoice");
});

test("one letter covers the client's overdue invoices and is kept exactly as sent", async ({ page, data, client, letter, invoice, pack }) => {
  await data.importBackup(fixture("case-letters.json"));
  await client.open("c1");
  await client.draftLetter();
  await expect(page).toHaveURL(/\/clients\/c1\/letter$/);
  await expect(letter.step).toHaveText("Follow-up: the furthest step the ladder advises among these invoices (INV-001).");
  await expect(letter.statementRows).toHaveCount(2);
  await expect(letter.statementRows.nth(0)).toHaveAttribute("data-invoice", "i1");
  await expect(letter.statementRows.nth(1)).toHaveAttribute("data-currency", "EUR");
  await expect(letter.total("GBP")).toHaveAttribute("data-amount", "1000.00");
  await expect(letter.total("EUR")).toHaveAttribute("data-amount", "500.00");
  await expect(letter.subject).toHaveText("Following up: statement of overdue invoices, £1,000.00 and €500.00 outstanding");
  await expect(letter.body).toContainText("- Invoice INV-001, due 14 February 2026: £1,000.00 outstanding (30 days overdue)");
  await expect(letter.body).toContainText("- Invoice INV-002, due 1 March 2026: €500.00 outstanding (15 days overdue)");
  await expect(letter.body).toContainText("we have not received it.");
  expect(await letter.mailto()).toMatch(/^mailto:jo@acme\.test\?subject=Following%20up/);
  await expectNoAxeViolations(page);

  const subject = await letter.subject.innerText();
  const body = await letter.body.innerText();
  await letter.markSent();
  await expect(letter.sentNotice).toContainText("against each of its 2 invoices");
  await letter.openSent();
  await expect(page).toHaveURL(/\/letters\//);
  await expect(letter.sentLine).toContainText("Sent on 16 March 2026 by e-mail");
  expect(await letter.subject.innerText()).toBe(subject);
  expect(await letter.body.innerText()).toBe(body);
  const sentAt = page.url();

  // The second invoice lists the same letter, which opens as sent.
  await invoice.open("i2");
  await expect(letter.sentLetters).toHaveCount(1);
  await letter.sentLetters.first().click();
  expect(page.url()).toBe(sentAt);
  expect(await letter.body.innerText()).toBe(body);

  // The evidence pack holds the letter's exact text, and its chronology runs in date order.
  await pack.open("c1");
  const dates = await pack.eventDates();
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort());
  await expect(pack.events.and(page.locator('[data-kind="letter"][data-date="2026-03-16"]')).first()).toBeVisible();
  expect(await pack.letters()).toContainEqual({ subject, body });
});
