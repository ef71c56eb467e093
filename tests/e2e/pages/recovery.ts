// The recovery screen shown instead of any page when the stored ledger cannot be read.
import { Locator } from "@playwright/test";
import { download, PageObject } from "./page-object";

export class RecoveryScreen extends PageObject {
  get root(): Locator {
    return this.page.getByTestId("recovery");
  }

  get startEmptyButton(): Locator {
    return this.page.getByTestId("start-empty");
  }

  /** Downloads the stored data exactly as it is and returns its text. */
  async downloadRaw(): Promise<string> {
    return (await download(this.page, this.page.getByTestId("download-raw"))).text;
  }

  async restorePrevious() {
    await this.page.getByTestId("restore-previous").click();
  }
}
