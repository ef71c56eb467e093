// The letter view (on an invoice, `#letter`): template, rendered text, mailto, print, mark sent.
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export type Template =
  | "reminder-before-due"
  | "reminder-overdue"
  | "follow-up"
  | "final-notice"
  | "demand-letter"
  | "settlement-offer"
  | "settlement-agreement"
  | "payment-thanks";

export class LetterView extends PageObject {
  async choose(template: Template) {
    await this.page.getByTestId("letter-template").selectOption(template);
  }

  get subject(): Locator {
    return this.page.getByTestId("letter-subject");
  }

  /** The rendered text. */
  get body(): Locator {
    return this.page.getByTestId("letter-body");
  }

  /** The `mailto:` link's address. */
  async mailto(): Promise<string | null> {
    return this.page.getByTestId("letter-mailto").getAttribute("href");
  }

  /** The sheet as previewed and printed. */
  get sheet(): Locator {
    return this.page.locator(".letter-sheet");
  }

  /** The recipient block of the sheet (name and address). */
  get recipient(): Locator {
    return this.page.locator(".letter-to");
  }

  /** The option to claim interest on the client's invoices paid in full but late. */
  get includePaidLate(): Locator {
    return this.page.getByTestId("include-paid-late");
  }

  /** The warning that a quoted figure needs a rate after its table's "checked up to" date. */
  get stale(): Locator {
    return this.page.getByTestId("letter-stale");
  }

  /** Logs the letter as sent on the client's timeline. */
  async markSent() {
    await this.page.getByTestId("mark-sent").click();
  }

  /** The confirmation that the letter was logged. */
  get sentNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: "Logged on the client's timeline" });
  }
}
