// Import benchmark: a 10,000-invoice Xero-style export set on /import's `csv-file`, timed from
// the input's change event to the frame that shows the preview counts (reading, recognising,
// mapping and previewing in the browser). A report, not a test of speed: it fails only if
// the preview never shows. Goal: ≤ 200 ms.
import { test, expect } from "@playwright/test";
import { median } from "./ledger10k";

const INVOICES = 10_000;

/** A Xero sales-invoice export of `count` invoices, every fifth with two line items. */
function xeroExport(count: number): string {
  const header =
    "ContactName,EmailAddress,InvoiceNumber,Reference,InvoiceDate,DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,Description,Quantity,UnitAmount,LineAmount,Currency,Type,Sent,Status";
  const lines = [header];
  for (let index = 1; index <= count; index++) {
    const client = `Client ${index % 400}`;
    const day = String((index % 28) + 1).padStart(2, "0");
    const month = String((index % 12) + 1).padStart(2, "0");
    const total = (100 + (index % 900)).toFixed(2);
    const paid = index % 3 === 0 ? (Number(total) / 2).toFixed(2) : "0.00";
    const due = (Number(total) - Number(paid)).toFixed(2);
    const common = `${client},c${index % 400}@example.test,INV-${index},,${day}/${month}/2025,${day}/${month}/2026,${total},0.00,${paid},${due}`;
    if (index % 5 === 0) {
      const first = (Number(total) - 10).toFixed(2);
      lines.push(`${common},Design,1,${first},${first},GBP,Sales invoice,Sent,Awaiting Payment`);
      lines.push(`${common},Hosting,1,10.00,10.00,GBP,Sales invoice,Sent,Awaiting Payment`);
    } else {
      lines.push(`${common},Work,1,${total},${total},GBP,Sales invoice,Sent,Awaiting Payment`);
    }
  }
  return lines.join("\r\n") + "\r\n";
}

test("reading, mapping and previewing a 10,000-invoice export", async ({ page, baseURL }) => {
  const buffer = Buffer.from(xeroExport(INVOICES));
  const input = page.getByTestId("csv-file");
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${baseURL}/import`);
    await expect(input).toBeAttached({ timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as any;
      w.__start = 0;
      document
        .querySelector('[data-testid="csv-file"]')!
        .addEventListener("change", () => (w.__start = performance.now()), { capture: true, once: true });
      w.__shown = new Promise((resolve) => {
        const tick = () => {
          const counts = document.querySelector('[data-testid="csv-counts"]');
          if (w.__start && counts) resolve(performance.now() - w.__start);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    });
    await input.setInputFiles({ name: `xero-${run}.csv`, mimeType: "text/csv", buffer });
    const ms = await page.evaluate(() => (window as any).__shown as Promise<number>);
    await expect(page.getByTestId("csv-counts")).toHaveAttribute("data-summary", /^10000 new/);
    times.push(ms);
  }
  const line = (label: string, ms: number) => console.log(`${label.padEnd(72)} ${ms.toFixed(1)} ms`);
  console.log(`file: ${(buffer.length / 1024).toFixed(0)} KB, ${INVOICES} invoices; runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
  line("(f) 10,000-invoice CSV: change event → frame showing the preview counts (median of 5)", median(times));
});
