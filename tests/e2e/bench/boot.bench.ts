// Boot benchmark: 10,000 invoices for 500 clients in IndexedDB. Prints (a) JSON.parse of
// the stored text, (b) navigation start → first dashboard paint with the right totals, (c)
// another tab changes one payment → this tab shows the new totals, and (d) the first boot
// after an upgrade, which moves the ledger from localStorage to IndexedDB. A report, not a
// test of speed: it fails only if the totals are wrong.
import { test, expect } from "@playwright/test";
import { ledger10k, median, storeLedger } from "./ledger10k";
import { readStored as readKey, writeStored as writeKeys } from "../pages/data";
import { agingCellSelector } from "../pages/dashboard";

const totalCell = agingCellSelector("total", "total");

test("boot with 10,000 invoices", async ({ browser, baseURL }) => {
  const { text, total, payment } = ledger10k();
  const context = await browser.newContext();
  const page = await context.newPage();
  await storeLedger(page, baseURL!, text);
  await page.addInitScript(({ total, totalCell }) => {
    const watch = () => {
      const cell = document.querySelector(totalCell);
      if (cell && cell.getAttribute("data-amount") === (window as any).__expected) {
        (window as any).__painted = performance.now();
        return true;
      }
      return false;
    };
    (window as any).__expected = total;
    new MutationObserver((_, observer) => watch() && observer.disconnect()).observe(document, { subtree: true, childList: true, attributes: true });
  }, { total, totalCell });
  const boots = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${baseURL}/`);
    await page.waitForFunction(() => (window as any).__painted !== undefined, null, { timeout: 60_000 });
    boots.push(await page.evaluate(() => (window as any).__painted));
  }
  const storedText = await readKey(page, "overdue.ledger");
  const parse = await page.evaluate((stored) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      JSON.parse(stored);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  }, storedText!);

  // Another tab changes one payment; this tab hears the storage event and repaints.
  const other = await context.newPage();
  await other.goto(`${baseURL}/data`);
  const changed = (Number(total) - 1).toFixed(2);
  await page.evaluate(({ changed, totalCell }) => {
    (window as any).__expected = changed;
    delete (window as any).__painted;
    const cell = () => document.querySelector(totalCell);
    new MutationObserver((_, observer) => {
      if (cell()?.getAttribute("data-amount") === changed) {
        (window as any).__painted = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
    window.addEventListener("storage", (event) => ((window as any).__event = event.timeStamp), { once: true });
  }, { changed, totalCell });
  const doc = JSON.parse((await readKey(other, "overdue.ledger"))!);
  const p = doc.payments.find((p) => p.id === payment.id);
  p.amount = ((Math.round(Number(p.amount) * 100) + 100) / 100).toFixed(2);
  doc.revision += 1;
  await writeKeys(other, { "overdue.ledger": JSON.stringify(doc), "overdue.revision": String(doc.revision) });
  await other.evaluate((revision) => localStorage.setItem("overdue.revision", String(revision)), doc.revision);
  await page.waitForFunction(() => (window as any).__painted !== undefined, null, { timeout: 60_000 });
  const repaint = await page.evaluate(() => (window as any).__painted - (window as any).__event);
  await expect(page.locator(totalCell)).toHaveAttribute("data-amount", changed);

  // The first boot after an upgrade: the ledger is in localStorage and moves to IndexedDB.
  const fresh = await browser.newContext();
  const upgraded = await fresh.newPage();
  await storeLedger(upgraded, baseURL!, text, true);
  await upgraded.addInitScript(({ total, totalCell }) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(totalCell)?.getAttribute("data-amount") === total) {
        (window as any).__painted = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, { total, totalCell });
  await upgraded.goto(`${baseURL}/`);
  await upgraded.waitForFunction(() => (window as any).__painted !== undefined, null, { timeout: 60_000 });
  const migrated = await upgraded.evaluate(() => (window as any).__painted);
  expect(await upgraded.evaluate(() => localStorage.getItem("overdue.ledger"))).toBeNull();
  expect(await readKey(upgraded, "overdue.ledger")).toBe(text);
  await fresh.close();

  const line = (label: string, ms: number) => console.log(`${label.padEnd(58)} ${ms.toFixed(1)} ms`);
  console.log(`stored document: ${(text.length / 1024).toFixed(0)} KB, 500 clients, 10,000 invoices, ${Math.ceil(10000 / 3)} payments`);
  line("(a) JSON.parse of the stored text (median of 5)", parse);
  line("(b) navigation start → dashboard painted with totals (median of 5)", median(boots));
  line("(c) storage event → totals repainted after one payment changed", repaint);
  line("(d) first boot after an upgrade: moved to IndexedDB, painted", migrated);
  console.log(`(b) ÷ (a) = ${(median(boots) / parse).toFixed(1)}×`);
});
