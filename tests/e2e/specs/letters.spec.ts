// Letters: a demand letter from the ledger, marking it sent, templates, and text-only rendering.
import { test, expect, importBackup, fixture, storedLedger, expectNoAxeViolations } from "../fixtures";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
});

test("a demand letter states the balance, interest, compensation and deadline, and moves the ladder on", async ({ page }) => {
  await importBackup(page, fixture("letters.json"));
  await page.goto("/invoices/i1");
  await page.getByTestId("draft-letter").click();
  await page.getByTestId("letter-template").selectOption("demand-letter");
  const body = page.getByTestId("letter-body");
  await expect(body).toContainText("Outstanding balance: £1,000.00");
  // UK Act at 4.00% + 8: 15–28 Feb on £1,200 = £5.52; 1–16 Mar on £1,000 = £5.26.
  await expect(body).toContainText("Interest on all open invoices to date: £10.78");
  await expect(body).toContainText("Fixed compensation: £70.00");
  await expect(body).toContainText("Please pay this sum in full by 30 March 2026.");
  await expect(page.getByTestId("letter-subject")).toHaveText("Letter before action: £1,080.78 owed to Ada Studio");
  await expect(page.getByText("This letter is a drafting aid, not legal advice.")).toBeVisible();
  const href = await page.getByTestId("letter-mailto").getAttribute("href");
  expect(href).toMatch(/^mailto:jo@acme\.test\?subject=Letter%20before%20action/);
  await expectNoAxeViolations(page);

  await page.getByTestId("mark-sent").click();
  await expect(page.getByRole("status").filter({ hasText: "Logged on the client's timeline" })).toBeVisible();
  await page.getByRole("link", { name: "Acme Ltd" }).click();
  await expect(page.locator(".timeline")).toContainText("Demand letter for invoice INV-001 sent by email");

  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByTestId("as-of").fill("2026-04-20");
  const item = page.locator('[data-testid="queue-item"][data-invoice="i1"]');
  await expect(item).toContainText("settlement talk");
});

test("a client's name is shown as text in the preview and the print view", async ({ page }) => {
  await importBackup(page, fixture("xss.json"));
  await page.goto("/invoices/i1#letter");
  await expect(page.getByTestId("letter-body")).toContainText('Dear <img src=x onerror="window.__xss=1">,');
  await expect(page.locator(".letter-sheet img")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".letter-to")).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(page.locator(".letter-sheet")).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test("a template with an unknown variable is refused with its line and column and nothing is saved", async ({ page }) => {
  await importBackup(page, fixture("letters.json"));
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByRole("button", { name: "Follow-up" }).click();
  const before = await storedLedger(page);
  await page.getByLabel("Body").fill("Dear {{ client.name }},\n{{ client.nmae }}");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.locator("#template-body-error")).toHaveText("line 2, column 1: unknown variable `client.nmae`");
  expect(await storedLedger(page)).toBe(before);
  await page.getByLabel("Body").fill("Dear {{ client.name }}, please pay {{ invoice.balance }}.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Template saved.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Preview" })).toContainText("Dear Acme Ltd, please pay £1,000.00.");
  await page.reload();
  await page.getByRole("button", { name: "Follow-up" }).click();
  await expect(page.getByLabel("Body")).toHaveValue("Dear {{ client.name }}, please pay {{ invoice.balance }}.");
  await expectNoAxeViolations(page);
});
