// `/`: the aging table as of a day, the collection metrics and the chase-today queue.
import { Locator } from "@playwright/test";
import { download, Downloaded, PageObject } from "./page-object";

export type Bucket = "current" | "1-30" | "31-60" | "61-90" | "91-120" | "120+" | "total";
export type Metric = "dso" | "cei" | "add";

/**
 * The CSS selector of an aging cell: a client id (or `total`), a bucket and optionally a
 * currency. A string, so scripts that run inside the page (the boot benchmark) use it too.
 */
export function agingCellSelector(client: string, bucket: Bucket, currency?: string): string {
  const byCurrency = currency ? `[data-currency="${currency}"]` : "";
  return `[data-testid="aging-cell"][data-client="${client}"][data-bucket="${bucket}"]${byCurrency}`;
}

export class DashboardPage extends PageObject {
  async open() {
    await this.page.goto("/");
  }

  /** Re-ages everything as of `date` (YYYY-MM-DD). */
  async setAsOf(date: string) {
    await this.page.getByTestId("as-of").fill(date);
  }

  /** The aging cell of a client (or `total`), a bucket (or `total`) and a currency; `data-amount` holds its sum. */
  cell(client: string, bucket: Bucket, currency?: string): Locator {
    return this.page.locator(agingCellSelector(client, bucket, currency));
  }

  /** The grand total of one currency (every total of every currency without one). */
  total(currency?: string): Locator {
    return this.cell("total", "total", currency);
  }

  /** A metric tile; `data-value` holds its value. */
  metric(name: Metric): Locator {
    return this.page.getByTestId(`metric-${name}`);
  }

  /** The rows of the chase-today queue. */
  get queue(): Locator {
    return this.page.getByTestId("queue-item");
  }

  /** The queue row of one invoice. */
  queueItem(invoiceId: string): Locator {
    return this.page.locator(`[data-testid="queue-item"][data-invoice="${invoiceId}"]`);
  }

  /** The invoice ids of the queue, in order. */
  async queueOrder(): Promise<(string | null)[]> {
    return this.queue.evaluateAll((items) => items.map((item) => item.getAttribute("data-invoice")));
  }

  /** Clicks the aging table's "Export CSV" and returns the file. */
  async exportCsv(): Promise<Downloaded> {
    return download(this.page, this.page.getByRole("button", { name: "Export CSV" }));
  }

  /** Opens the list of invoices behind a cell and returns it. */
  async drillDown(client: string, bucket: Bucket, currency: string): Promise<Locator> {
    await this.cell(client, bucket, currency).getByRole("button").click();
    return this.page.getByRole("region", { name: "Invoices behind the selected cell" });
  }

  /** Follows a queue row's "Open invoice <number>" button. */
  async openFromQueue(invoiceNumber: string) {
    await this.page.getByRole("button", { name: `Open invoice ${invoiceNumber}` }).click();
  }

  /** The invoices waiting on a promise or a pause (listed under the queue, folded). */
  get waiting(): Locator {
    return this.page.getByTestId("held-item");
  }

  /** The waiting row of one invoice; `data-hold` is `promise` or `pause`. */
  waitingItem(invoiceId: string): Locator {
    return this.page.locator(`[data-testid="held-item"][data-invoice="${invoiceId}"]`);
  }

  /** "Waiting on the client: 1 promised, 2 paused"; `data-value` holds how many are paused. */
  get pausedCount(): Locator {
    return this.page.getByTestId("paused-count");
  }
}

