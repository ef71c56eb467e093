// The case file: a client's timeline of every record, filtered, with letters as sent; and the
// evidence pack with its statement, chronology and letters, on screen and printed.
import { test, expect, fixture, expectNoAxeViolations } from "../fixtures";

// Acme Ltd's case (tests/e2e/fixtures/case.json), as of 20 April 2026.
const SUBJECT = "Final notice: £1,800.00 overdue to Ada Studio";
const BODY =
  "Dear Jo Bloggs,\n\nInvoices INV-001 (£1,000.00) and INV-002 (£800.00) are overdue.\nPlease pay £1,800.00 by 3 April 2026.\n\nYours sincerely,\nAda Studio";

test.beforeEach(async ({ page, data }) => {
  await page.clock.setFixedTime(new Date("2026-04-20T12:00:00"));
  await data.importBackup(fixture("case.json"));
  await expect(data.status).toContainText("Imported");
});

test("the client page shows every record of the case, newest first, and filters it", async ({ page, client, timeline }) => {
  await client.open("c1");
  expect(await timeline.dateKinds()).toEqual([
    "2026-04-15 note",
    "2026-04-10 write-off",
    "2026-04-06 promise",
    "2026-04-02 dispute",
    "2026-04-02 credit",
    "2026-03-20 letter",
    "2026-03-20 pause",
    "2026-03-14 promise",
    "2026-03-12 payment",
    "2026-03-05 dispute",
    "2026-03-03 call",
    "2026-03-03 promise",
    "2026-03-01 payment",
    "2026-02-20 letter",
  ]);
  await expect(timeline.entries.filter({ hasText: "part-kept: £200.00 received by 13 Mar 2026" })).toBeVisible();
  await expect(timeline.entries.filter({ hasText: "Credit note of £300.00 on invoice INV-002" })).toHaveAttribute("data-kind", "credit");

  const letter = await timeline.openLetter(SUBJECT);
  await expect(letter.locator(".sent-subject")).toHaveText(`Subject: ${SUBJECT}`);
  expect(await letter.locator(".sent-body").textContent()).toBe(BODY);
  await expectNoAxeViolations(page);

  await timeline.showKind("Promises");
  expect(await timeline.dateKinds()).toEqual(["2026-04-06 promise", "2026-03-14 promise", "2026-03-03 promise"]);
  await expect(page.getByText("3 of 14 entries, newest first")).toBeVisible();
  await timeline.showKind("All kinds");
  await timeline.forInvoice("Invoice INV-002");
  expect(await timeline.dateKinds()).toEqual([
    "2026-04-06 promise",
    "2026-04-02 dispute",
    "2026-04-02 credit",
    "2026-03-20 letter",
    "2026-03-05 dispute",
  ]);
  await timeline.showKind("Calls");
  await expect(timeline.entries).toHaveCount(0);
  await expect(page.getByText("No entry matches this filter.")).toBeVisible();
});

test("a note added on the client page joins the timeline and the pack's chronology", async ({ client, timeline, pack }) => {
  await client.open("c1");
  await timeline.add("Note", "Sent the statement again by post", "2026-04-18");
  await expect(timeline.entries.first()).toContainText("Sent the statement again by post");
  await expect(timeline.entries.first()).toHaveAttribute("data-date", "2026-04-18");
  await timeline.openPack();
  await expect(pack.events).toHaveCount(15);
  await expect(pack.events.last()).toContainText("Sent the statement again by post");
});

test("the evidence pack states the account, the chronology in date order and the letters as sent", async ({ page, client, timeline, pack }) => {
  await client.open("c1");
  await timeline.openPack();
  await expect(page).toHaveURL(/\/clients\/c1\/pack$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evidence pack: Acme Ltd");
  expect(await pack.statement()).toEqual(["INV-003 500.00", "INV-001 800.00", "INV-002 500.00", "INV-004 0.00"]);
  expect(await pack.totals()).toEqual(["EUR 500.00", "GBP 1300.00"]);
  await expect(pack.statementRows.filter({ hasText: "INV-002" })).toContainText("£300.00");
  await expect(pack.statementRows.filter({ hasText: "INV-004" })).toContainText("£100.00 written off on 10 Apr 2026");

  const dates = await pack.eventDates();
  expect(dates).toHaveLength(14);
  expect(dates).toEqual([...dates].sort());
  await expect(pack.events.first()).toContainText("Friendly reminder sent by email");
  expect(await pack.letters()).toEqual([{ subject: SUBJECT, body: BODY }]);

  await expect(page.getByText("Late Payment of Commercial Debts (Interest) Act 1998").first()).toBeVisible();
  await expect(page.getByText("it is not legal advice")).toBeVisible();
  await expect(page.getByText("No settlement plan was agreed.")).toBeVisible();
  await expect(pack.printButton).toBeVisible();
  await pack.includePaidLate.check();
  await expect(pack.includePaidLate).toBeChecked();
  await expect(pack.events).toHaveCount(14);
  await expectNoAxeViolations(page);
});

test("the pack prints on A4 and US Letter, on several pages, with only the pack on them", async ({ page, pack }) => {
  await pack.open("c1");
  await expect(pack.events).toHaveCount(14);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".topbar")).toBeHidden();
  for (const [format, width, height] of [["A4", 595, 842], ["Letter", 612, 792]] as const) {
    const pdf = (await page.pdf({ format })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
    expect(boxes.length, `${format} pages`).toBeGreaterThan(1);
    expect(boxes.every(([w, h]) => Math.abs(w - width) <= 1 && Math.abs(h - height) <= 1), `${format} page size`).toBe(true);
  }
});

test("a client with no case says so in each section of the pack", async ({ page, pack }) => {
  await pack.open("c2");
  await expect(page.getByText("No invoices are recorded for this client.")).toBeVisible();
  await expect(page.getByText("No contact or event is recorded for this client.")).toBeVisible();
  await expect(page.getByText("No letter was recorded with its text as sent.")).toBeVisible();
  await expect(page.getByText("No promise to pay was recorded.")).toBeVisible();
  await expect(page.getByText("No dispute was raised.")).toBeVisible();
  await expectNoAxeViolations(page);
});
