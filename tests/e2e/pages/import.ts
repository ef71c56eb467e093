// `/import`: choose a CSV export, map its columns, preview, import and undo.
import { expect } from "@playwright/test";
import { PageObject } from "./page-object";

export class ImportPage extends PageObject {
  /** Opens the page and waits for its heading. */
  async open() {
    await this.page.goto("/import");
    await expect(this.page.getByRole("heading", { name: "Import from another tool" })).toBeVisible();
  }

  /** Chooses a file and waits for its preview counts. */
  async choose(path: string) {
    await this.page.getByTestId("csv-file").setInputFiles(path);
    await expect(this.page.getByTestId("csv-counts")).toBeVisible();
  }

  /** The preview row of an invoice by number. */
  row(number: string) {
    return this.page.locator(`[data-testid="csv-row"][data-number="${number}"]`);
  }

  /** Expects a preview row's `data-*` values. */
  async expectRow(number: string, values: Record<string, string>) {
    const row = this.row(number);
    for (const [name, value] of Object.entries(values)) {
      await expect(row, `${number} ${name}`).toHaveAttribute(`data-${name}`, value);
    }
  }

  /** Maps a target field to one of the file's headers. */
  async map(field: string, header: string) {
    await this.page.locator(`[data-testid="csv-map"][data-field="${field}"]`).selectOption(header);
  }

  /** Imports, ticking "I have read the problems" when the page asks for it. */
  async importRows() {
    const acknowledge = this.page.getByTestId("csv-acknowledge");
    if (await acknowledge.isVisible()) await acknowledge.check();
    const revision = await this.revision();
    await this.page.getByTestId("csv-import").click();
    await expect(this.page.getByTestId("csv-status")).toContainText("Imported from");
    await this.savedAfter(revision);
  }

  /** The stored revision. */
  revision() {
    return this.page.evaluate(() => localStorage.getItem("overdue.revision"));
  }

  /** Waits until a save moves the stored revision past `revision`. */
  async savedAfter(revision: string | null) {
    await expect.poll(() => this.revision()).not.toBe(revision);
  }

  /** The balance `/invoices/<id>` shows for the invoice numbered `number`. */
  async balanceOf(number: string) {
    await this.page.goto("/invoices");
    await this.page.getByRole("link", { name: number, exact: true }).click();
    return this.page.getByTestId("balance").getAttribute("data-amount");
  }
}
