// Letters: a demand letter from the ledger, marking it sent, templates, and text-only rendering.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
});

test("a demand letter states the balance, interest, compensation and deadline, and moves the ladder on", async ({ page, app, data, invoice, letter, client, dashboard }) => {
  await data.importBackup(fixture("letters.json"));
  await invoice.open("i1");
  await invoice.draftLetter();
  await letter.choose("demand-letter");
  await expect(letter.body).toContainText("Outstanding balance: £1,000.00");
  // UK Act at 3.75% + 8 (Bank Rate on 31 Dec 2025 was 3.75%, from 18 Dec 2025), each payment
  // day counted like the report's day: 15 Feb–1 Mar on £1,200 = 1,200 × 11.75% × 15/365 =
  // £5.79; 2–16 Mar on £1,000 = 1,000 × 11.75% × 15/365 = £4.83.
  await expect(letter.body).toContainText("Interest on all open invoices to date: £10.62");
  await expect(letter.body).toContainText("Fixed compensation: £70.00");
  await expect(letter.body).toContainText("Please pay this sum in full by 30 March 2026.");
  await expect(letter.subject).toHaveText("Letter before action: £1,080.62 owed to Ada Studio");
  await expect(page.getByText("This letter is a drafting aid, not legal advice.")).toBeVisible();
  expect(await letter.mailto()).toMatch(/^mailto:jo@acme\.test\?subject=Letter%20before%20action/);
  await expectNoAxeViolations(page);

  await letter.markSent();
  await expect(letter.sentNotice).toBeVisible();
  await invoice.openClient("Acme Ltd");
  await expect(client.timeline).toContainText("“Letter before action: £1,080.62 owed to Ada Studio” sent by email");

  await app.navigate("Dashboard");
  await dashboard.setAsOf("2026-04-20");
  await expect(dashboard.queueItem("i1")).toContainText("settlement talk");
});

test("a client's name is shown as text in the preview and the print view", async ({ page, data, invoice, letter }) => {
  await data.importBackup(fixture("xss.json"));
  await invoice.open("i1", { letter: true });
  await expect(letter.body).toContainText('Dear <img src=x onerror="window.__xss=1">,');
  await expect(letter.sheet.locator("img")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(letter.recipient).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(letter.sheet).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test("a template with an unknown variable is refused with its line and column and nothing is saved", async ({ page, app, data, templates }) => {
  await data.importBackup(fixture("letters.json"));
  await app.navigate("Templates");
  await templates.edit("Follow-up");
  const before = await data.storedLedger();
  await templates.saveBody("Dear {{ client.name }},\n{{ client.nmae }}");
  await templates.expectFieldError(templates.body, "line 2, column 1: unknown variable `client.nmae`", { exact: true });
  expect(await data.storedLedger()).toBe(before);
  await data.waitForSave(() => templates.saveBody("Dear {{ client.name }}, please pay {{ invoice.balance }}."));
  await expect(templates.savedNotice).toBeVisible();
  await expect(templates.preview).toContainText("Dear Acme Ltd, please pay £1,000.00.");
  await page.reload();
  await templates.edit("Follow-up");
  await expect(templates.body).toHaveValue("Dear {{ client.name }}, please pay {{ invoice.balance }}.");
  await expectNoAxeViolations(page);
});
