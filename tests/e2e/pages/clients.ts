// `/clients` and `/clients/<id>`: the client list, one client with its invoices and timeline.
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export class ClientsPage extends PageObject {
  async open() {
    await this.page.goto("/clients");
  }

  /** What the list says when there are no clients. */
  get emptyHeading(): Locator {
    return this.page.getByRole("heading", { name: "No clients yet" });
  }

  /** Adds a client through the list's form. */
  async addClient(client: { name: string; email?: string }) {
    await this.page.getByRole("button", { name: "Add client" }).click();
    await this.field("Name").fill(client.name);
    if (client.email !== undefined) await this.field("E-mail").fill(client.email);
    await this.page.getByRole("button", { name: "Save client" }).click();
  }

  /** The link to a client by name. */
  link(name: string): Locator {
    return this.page.getByRole("link", { name });
  }

  /** A table cell by its text, such as an outstanding amount. */
  cell(text: string): Locator {
    return this.page.getByRole("cell", { name: text });
  }
}

export interface NewInvoice {
  number: string;
  amount: string;
  issueDate: string;
  dueDate: string;
}

export class ClientPage extends PageObject {
  async open(id: string) {
    await this.page.goto(`/clients/${id}`);
  }

  /** The client's name as the page heading. */
  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  /** Opens the add-invoice form. */
  async startInvoice() {
    await this.page.getByRole("button", { name: "Add invoice" }).click();
  }

  /** Opens the client's details for editing. */
  async editDetails() {
    await this.page.getByRole("button", { name: "Edit details" }).click();
  }

  /** Adds an invoice for this client. */
  async addInvoice(invoice: NewInvoice) {
    await this.startInvoice();
    await this.field("Invoice number").fill(invoice.number);
    await this.field("Amount").fill(invoice.amount);
    await this.field("Issue date").fill(invoice.issueDate);
    await this.field("Due date").fill(invoice.dueDate);
    await this.page.getByRole("button", { name: "Save invoice" }).click();
  }

  /** Follows an invoice's number to its page. */
  async openInvoice(number: string) {
    await this.page.getByRole("link", { name: number, exact: true }).click();
  }

  /** Opens one letter covering all the client's overdue invoices. */
  async draftLetter() {
    await this.page.getByTestId("draft-letter").click();
  }

  async openSettlementPlanner() {
    await this.page.getByRole("link", { name: "Settlement planner" }).click();
  }

  /** The client's timeline of letters, calls and payments. */
  get timeline(): Locator {
    return this.page.locator(".timeline");
  }
}
