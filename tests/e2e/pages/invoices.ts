// `/invoices`: the invoice list.
import { PageObject } from "./page-object";

export class InvoicesPage extends PageObject {
  async open() {
    await this.page.goto("/invoices");
  }

  /** Follows an invoice's number to its page. */
  async openInvoice(number: string) {
    await this.page.getByRole("link", { name: number }).click();
  }
}
