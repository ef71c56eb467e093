// The case file: the client page's timeline and the evidence pack (`/clients/<id>/pack`).
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export class ClientTimeline extends PageObject {
  /** Every timeline row, newest first. */
  get entries(): Locator {
    return this.page.getByTestId("timeline-entry");
  }

  /** Each row's `data-date` and `data-kind`, in the order shown. */
  async dateKinds(): Promise<string[]> {
    return this.entries.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute("data-date")} ${row.getAttribute("data-kind")}`),
    );
  }

  /** Shows one kind only ("Promises"), or every kind ("All kinds"). */
  async showKind(label: string) {
    await this.page.getByLabel("Show", { exact: true }).selectOption({ label });
  }

  /** Shows the entries about one invoice ("Invoice INV-002"), or all ("All invoices"). */
  async forInvoice(label: string) {
    await this.page.getByLabel("Concerning", { exact: true }).selectOption({ label });
  }

  /** Opens the text of the letter whose row says `subject`, and returns that row. */
  async openLetter(subject: string): Promise<Locator> {
    const row = this.entries.filter({ hasText: subject });
    await row.getByText("Read the letter as sent").click();
    return row;
  }

  /** Logs a note, call, promise or letter with the add form. */
  async add(kind: string, summary: string, date?: string) {
    if (date) await this.field("Date").fill(date);
    await this.field("Kind").selectOption({ label: kind });
    await this.field("What happened").fill(summary);
    await this.page.getByRole("button", { name: "Add to timeline" }).click();
  }

  /** Follows the link to the client's evidence pack. */
  async openPack() {
    await this.page.getByTestId("evidence-pack").click();
  }
}

export class EvidencePack extends PageObject {
  async open(clientId: string) {
    await this.page.goto(`/clients/${clientId}/pack`);
  }

  get statementRows(): Locator {
    return this.page.getByTestId("pack-statement-row");
  }

  /** Each statement row as "number balance", in the order shown. */
  async statement(): Promise<string[]> {
    return this.statementRows.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute("data-number")} ${row.getAttribute("data-amount")}`),
    );
  }

  /** Each currency's total as "currency amount". */
  async totals(): Promise<string[]> {
    return this.page
      .getByTestId("pack-total")
      .evaluateAll((cells) => cells.map((cell) => `${cell.getAttribute("data-currency")} ${cell.getAttribute("data-amount")}`));
  }

  get events(): Locator {
    return this.page.getByTestId("pack-event");
  }

  /** Each chronology row's `data-date`, in the order shown. */
  async eventDates(): Promise<string[]> {
    return this.events.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-date") ?? ""));
  }

  /** The exact subjects and bodies of the letters as sent, as the pack holds them. */
  async letters(): Promise<{ subject: string; body: string }[]> {
    return this.page.getByTestId("pack-letter").evaluateAll((letters) =>
      letters.map((letter) => ({
        subject: letter.querySelector("[data-testid=pack-letter-subject]")?.textContent ?? "",
        body: letter.querySelector("[data-testid=pack-letter-body]")?.textContent ?? "",
      })),
    );
  }

  get includePaidLate(): Locator {
    return this.field("Include interest on invoices paid in full but late");
  }

  get printButton(): Locator {
    return this.page.getByRole("button", { name: "Print or save as PDF" });
  }
}
