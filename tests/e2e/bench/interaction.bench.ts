// Interaction benchmark at 10,000 invoices: (d) recording a payment on /invoices/<id>, from the
// click to the frame that shows the new balance, and (e) one keystroke in the /invoices search,
// from the input event to the frame that shows the filtered list. A report, not a test of
// speed: it fails only if the page does not change.
import { test, expect } from "@playwright/test";
import { ledger10k, median, storeLedger } from "./ledger10k";

/** Runs `act` in the page and waits, frame by frame, until `changed` holds; returns the ms. */
async function clickToFrame(page, act: string, changed: string) {
  return page.evaluate(
    async ({ act, changed }) => {
      const acted = new Function(act);
      const done = new Function(changed) as () => boolean;
      const start = performance.now();
      acted();
      for (let frame = 0; frame < 600; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (done()) return performance.now() - start;
      }
      return -1;
    },
    { act, changed },
  );
}

test("recording a payment and searching, with 10,000 invoices", async ({ page, baseURL }) => {
  const { text } = ledger10k();
  await storeLedger(page, baseURL!, text);

  await page.goto(`${baseURL}/invoices/i1`);
  const amount = page.locator('[data-testid="payment-amount"], #payment-amount').first();
  await expect(amount).toBeVisible({ timeout: 60_000 });
  const edits = [];
  for (let run = 0; run < 5; run++) {
    await amount.fill("1.00");
    await page.evaluate(() => {
      (window as any).__before = document.querySelector('[data-testid="balance"]')!.getAttribute("data-amount");
    });
    const ms = await clickToFrame(
      page,
      `const save = document.querySelector('[data-testid="payment-save"]') ?? [...document.querySelectorAll("button")].find((b) => /Save payment/.test(b.textContent));
       save.click();`,
      `return document.querySelector('[data-testid="balance"]')?.getAttribute("data-amount") !== window.__before;`,
    );
    expect(ms, "the balance changed").toBeGreaterThan(0);
    edits.push(ms);
  }

  await page.goto(`${baseURL}/invoices`);
  const search = page.locator('input[type="search"]').first();
  await expect(search).toBeVisible({ timeout: 60_000 });
  const keystrokes = [];
  for (const query of ["7", "42", "N99", "Client 3", "9"]) {
    await search.fill("");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.evaluate(() => {
      (window as any).__rows = document.querySelector("main tbody")?.innerHTML;
    });
    const ms = await clickToFrame(
      page,
      `const input = document.querySelector('input[type="search"]');
       input.value = ${JSON.stringify(query)};
       input.dispatchEvent(new Event("input", { bubbles: true }));`,
      `return document.querySelector("main tbody")?.innerHTML !== window.__rows;`,
    );
    expect(ms, `the list changed for "${query}"`).toBeGreaterThan(0);
    keystrokes.push(ms);
  }

  const line = (label: string, ms: number) => console.log(`${label.padEnd(66)} ${ms.toFixed(1)} ms`);
  line("(d) record a payment: click → frame showing the new balance (median of 5)", median(edits));
  line("(e) one keystroke in /invoices search → frame showing the list (median of 5)", median(keystrokes));
});
