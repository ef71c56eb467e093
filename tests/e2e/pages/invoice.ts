// `/invoices/<id>`: balance, interest, payments, the case (promises, dispute, pause) and the
// letter drafting button.
import { Locator } from "@playwright/test";
import { PageObject, wholeLabel } from "./page-object";

export class InvoicePage extends PageObject {
  /** Opens an invoice by id; with `letter`, straight at its letter view (`#letter`). */
  async open(id: string, options: { letter?: boolean } = {}) {
    await this.page.goto(`/invoices/${id}${options.letter ? "#letter" : ""}`);
  }

  /** What is still owed; `data-amount` holds it. */
  get balance(): Locator {
    return this.page.getByTestId("balance");
  }

  get daysOverdue(): Locator {
    return this.page.getByTestId("days-overdue");
  }

  /** Late-payment interest to date; `data-amount` holds it. */
  get interestTotal(): Locator {
    return this.page.getByTestId("interest-total");
  }

  /** Fixed compensation for late payment; `data-amount` holds it. */
  get compensation(): Locator {
    return this.page.getByTestId("compensation");
  }

  /** One row per rate period of the interest breakdown. */
  get interestRows(): Locator {
    return this.page.getByTestId("interest-row");
  }

  /** One row per recorded payment. */
  get paymentRows(): Locator {
    return this.page.getByTestId("payment-row");
  }

  get paymentDate(): Locator {
    return this.page.getByTestId("payment-date");
  }

  get paymentAmount(): Locator {
    return this.page.getByTestId("payment-amount");
  }

  /** Records a payment received: an amount as typed, and a date (the form's default if none). */
  async recordPayment(amount: string, date?: string) {
    if (date !== undefined) await this.paymentDate.fill(date);
    await this.paymentAmount.fill(amount);
    await this.page.getByTestId("payment-save").click();
  }

  /** Expects the payment form to refuse the amount with `message`. */
  async expectPaymentAmountError(message: string) {
    await this.expectFieldError(this.paymentAmount, message);
  }

  /** Opens the invoice's edit form. */
  async startEditing() {
    await this.page.getByRole("button", { name: "Edit invoice" }).click();
  }

  /** A control of the invoice form by its whole label (a required mark aside), such as "Amount". */
  formField(label: string): Locator {
    return this.page
      .locator("form")
      .filter({ has: this.page.getByRole("button", { name: "Save changes" }) })
      .getByLabel(wholeLabel(label));
  }

  /** Saves the invoice form. */
  async saveChanges() {
    await this.page.getByRole("button", { name: "Save changes" }).click();
  }

  /** The notice an open form shows when its record changed since it was opened. */
  get recordChanged(): Locator {
    return this.page.getByTestId("record-changed");
  }

  /** Answers the record-changed notice: keep what was typed, or load the stored record. */
  async resolveChange(choice: "keep my edits" | "load the latest") {
    await this.page.getByTestId(choice === "keep my edits" ? "keep-my-edits" : "load-latest").click();
  }

  /** The warning the payment form shows for a date after today. */
  get futurePaymentWarning(): Locator {
    return this.page.getByTestId("payment-future");
  }

  /** The sentence under "Paid" about payments dated after today. */
  get paidLater(): Locator {
    return this.page.getByTestId("paid-later");
  }

  /** Follows the link to the invoice's client. */
  async openClient(name: string) {
    await this.page.getByRole("link", { name }).click();
  }

  /** Opens the letter view for this invoice. */
  async draftLetter() {
    await this.page.getByTestId("draft-letter").click();
  }

  /** Unfolds one of the case section's forms by its summary ("Record a promise", "Open a dispute"…). */
  async unfold(summary: string) {
    const form = this.page.locator("details.case-form", { has: this.page.locator("summary", { hasText: summary }) });
    if (!(await form.evaluate((details) => (details as HTMLDetailsElement).open))) {
      await form.locator("summary").click();
    }
  }

  /** One row per promise to pay; `data-state` is `pending`, `kept`, `part-kept` or `broken`. */
  get promises(): Locator {
    return this.page.getByTestId("promise");
  }

  /** The amount of the promise form (it starts at the balance). */
  get promiseAmount(): Locator {
    return this.page.getByTestId("promise-amount");
  }

  /** Records a promise to pay by `date`, for `amount` (the balance when none is given). */
  async recordPromise(date: string, options: { amount?: string; by?: string } = {}) {
    await this.unfold("Record a promise");
    if (options.amount !== undefined) await this.promiseAmount.fill(options.amount);
    await this.page.getByTestId("promise-date").fill(date);
    if (options.by !== undefined) await this.field("Who promised").fill(options.by);
    await this.page.getByTestId("promise-save").click();
  }

  /** The dispute shown; `data-state` is `open` or `resolved`. */
  get dispute(): Locator {
    return this.page.getByTestId("dispute");
  }

  /** Opens a dispute of the whole invoice, or of `part` of it. */
  async openDispute(reason: string, part?: string) {
    await this.unfold("Open a dispute");
    await this.page.getByTestId("dispute-reason").fill(reason);
    if (part !== undefined) await this.field("Disputed amount").fill(part);
    await this.page.getByTestId("dispute-open").click();
  }

  /** Resolves the open dispute with an outcome: `upheld`, `rejected` or `settled`. */
  async resolveDispute(outcome: "upheld" | "rejected" | "settled", note = "") {
    await this.unfold("Resolve the dispute");
    await this.page.getByTestId("dispute-outcome").selectOption(outcome);
    if (note) await this.field("What was decided").fill(note);
    await this.page.getByTestId("dispute-resolve").click();
  }

  /** The pause in force, when chasing is paused. */
  get pause(): Locator {
    return this.page.getByTestId("pause");
  }

  /** Pauses chasing until `until` (the day chasing resumes), for a reason. */
  async pauseChasing(until: string, reason: string) {
    await this.unfold("Pause chasing");
    await this.page.getByTestId("pause-until").fill(until);
    await this.page.locator("#pause-reason").fill(reason);
    await this.page.getByTestId("pause-save").click();
  }

  /** Ends the pause in force today. */
  async endPause() {
    await this.page.getByTestId("pause-end").click();
  }

  /** The ladder's advice above the letters. */
  get nextStep(): Locator {
    return this.page.locator(".next-step");
  }
}
