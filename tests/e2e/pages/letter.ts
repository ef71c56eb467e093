// The letter view (on an invoice, `#letter`, or a client's `/clients/<id>/letter`): template,
// rendered text, mailto, print, mark sent; and a letter as sent (`/letters/<id>`).
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
  | "payment-thanks"
  | "dispute-response";

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

  /** The confirmation that the letter was kept as sent and logged. */
  get sentNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: "logged on the client's timeline" });
  }

  /** After "Mark as sent": opens the letter exactly as it was kept. */
  async openSent() {
    await this.page.getByTestId("open-sent-letter").click();
  }

  /** A letter as sent: "Sent on 16 March 2026 by e-mail, drafted from …". */
  get sentLine(): Locator {
    return this.page.getByTestId("sent-line");
  }

  /** The client letter's step: which step, and from which invoice. */
  get step(): Locator {
    return this.page.getByTestId("letter-step");
  }

  /** The client letter's statement rows (`data-invoice`, `data-currency`, `data-amount`). */
  get statementRows(): Locator {
    return this.page.getByTestId("statement-row");
  }

  /** The client letter's total in one currency. */
  total(currency: string): Locator {
    return this.page.locator(`[data-testid="statement-total"][data-currency="${currency}"]`);
  }

  /** The invoice letters section's links to the letters sent about it. */
  get sentLetters(): Locator {
    return this.page.getByTestId("sent-letter");
  }
}
