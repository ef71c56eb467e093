// The shell around every page: the main navigation and the banners.
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export type Section = "Dashboard" | "Clients" | "Invoices" | "Templates" | "Data" | "Settings";

export class AppShell extends PageObject {
  /** Follows a link of the main navigation: a client-side route change, no reload. */
  async navigate(section: Section) {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: section, exact: true }).click();
  }

  /** The page's main heading. */
  get heading(): Locator {
    return this.page.locator("main h1");
  }

  /** The banner that says a save failed. */
  get saveError(): Locator {
    return this.page.getByTestId("save-error");
  }

  /** The banner that asks for a backup export. */
  get backupReminder(): Locator {
    return this.page.getByTestId("backup-reminder");
  }
}
