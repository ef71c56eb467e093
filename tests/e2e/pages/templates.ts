// `/templates`: the letter templates, their editor and its preview.
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export class TemplatesPage extends PageObject {
  async open() {
    await this.page.goto("/templates");
  }

  /** Opens a template in the editor by its name in the list. */
  async edit(name: string) {
    await this.page.getByRole("button", { name }).click();
  }

  get body(): Locator {
    return this.field("Body");
  }

  /** Replaces the body and saves the template. */
  async saveBody(text: string) {
    await this.body.fill(text);
    await this.page.getByRole("button", { name: "Save template" }).click();
  }

  get savedNotice(): Locator {
    return this.page.getByText("Template saved.");
  }

  /** The rendered preview of the template being edited. */
  get preview(): Locator {
    return this.page.getByRole("article", { name: "Preview" });
  }
}
