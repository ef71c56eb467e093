// `/data`: backup export and import, sample data, and what localStorage holds.
import { expect, Locator } from "@playwright/test";
import { download, Downloaded, PageObject } from "./page-object";

/** The localStorage keys of the stored ledger document and of its revision. */
export const LEDGER_KEY = "overdue.ledger";
export const REVISION_KEY = "overdue.revision";

export class DataPage extends PageObject {
  async open() {
    await this.page.goto("/data");
  }

  /** The result of the last import or sample load, or its error. */
  get status(): Locator {
    return this.page.getByTestId("import-status");
  }

  get loadSampleButton(): Locator {
    return this.page.getByTestId("load-sample");
  }

  /** Opens /data, imports a backup file and waits for the result. */
  async importBackup(path: string) {
    await this.open();
    await this.chooseBackup(path);
    await expect(this.status).not.toBeEmpty();
  }

  /** Picks a backup file on the page that is open (an import starts at once). */
  async chooseBackup(path: string) {
    await this.page.getByTestId("import-file").setInputFiles(path);
  }

  /** Opens /data and loads the sample ledger. */
  async loadSample() {
    await this.open();
    await this.loadSampleButton.click();
    await expect(this.status).toContainText("Added sample data");
  }

  /** Clicks "Export backup" and returns the downloaded file. */
  async exportBackup(): Promise<Downloaded> {
    return download(this.page, this.page.getByTestId("export-backup"));
  }

  /** Clicks "Invoices and payments (CSV)" and returns the downloaded file. */
  async exportCsv(): Promise<Downloaded> {
    return download(this.page, this.page.getByTestId("export-csv"));
  }

  /**
   * The stored ledger document, exactly as localStorage holds it, once every save the app
   * has already scheduled has run. The app stores a change after the next paint (a frame,
   * then a task); this waits for a frame and a task queued after it.
   */
  async storedLedger(): Promise<string | null> {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    return this.page.evaluate((key) => localStorage.getItem(key), LEDGER_KEY);
  }

  /** The stored ledger, parsed. */
  async storedDocument(): Promise<any> {
    return JSON.parse((await this.storedLedger())!);
  }

  /** The revision of the stored document, or null before the first save. */
  async storedRevision(): Promise<string | null> {
    return this.page.evaluate((key) => localStorage.getItem(key), REVISION_KEY);
  }

  /**
   * Runs `action` (a change made on any page) and waits until it is stored: the stored
   * revision moves on. Use it before a reload or a read of storage.
   */
  async waitForSave(action: () => Promise<unknown>) {
    const before = await this.storedRevision();
    await action();
    await expect.poll(() => this.storedRevision(), { message: "the change is stored" }).not.toBe(before);
  }
}
