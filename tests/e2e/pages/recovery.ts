// The recovery screen shown instead of any page when the stored ledger cannot be opened.
import { expect, Locator } from "@playwright/test";
import { download, Downloaded, PageObject } from "./page-object";

export class RecoveryScreen extends PageObject {
  get root(): Locator {
    return this.page.getByTestId("recovery");
  }

  /** `cannot-read` (storage refused to answer) or `cannot-parse` (the text is damaged). */
  async state(): Promise<string | null> {
    return this.root.getAttribute("data-state");
  }

  get reason(): Locator {
    return this.page.getByTestId("recovery-reason");
  }

  get status(): Locator {
    return this.page.getByTestId("recovery-status");
  }

  get startEmptyButton(): Locator {
    return this.page.getByTestId("start-empty");
  }

  get downloadRawButton(): Locator {
    return this.page.getByTestId("download-raw");
  }

  get exportMemoryButton(): Locator {
    return this.page.getByTestId("export-memory");
  }

  /** Downloads the stored data exactly as it is and returns its text. */
  async downloadRaw(): Promise<string> {
    return (await download(this.page, this.downloadRawButton)).text;
  }

  /** Exports what the tab holds in memory as a backup file. */
  async exportMemory(): Promise<Downloaded> {
    return download(this.page, this.exportMemoryButton);
  }

  async retry() {
    await this.page.getByTestId("retry").click();
  }

  async restorePrevious() {
    await this.page.getByTestId("restore-previous").click();
  }

  /** Every button of the screen that is enabled now. */
  async enabledButtons(): Promise<Locator[]> {
    const all = await this.root.getByRole("button").all();
    const enabled: Locator[] = [];
    for (const button of all) if (await button.isEnabled()) enabled.push(button);
    return enabled;
  }

  async expectShown() {
    await expect(this.root).toBeVisible();
  }
}
