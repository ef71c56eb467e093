// `/settings`: the business profile, preferences and reference-rate tables.
import { Locator } from "@playwright/test";
import { PageObject } from "./page-object";

export class SettingsPage extends PageObject {
  async open() {
    await this.page.goto("/settings");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { name: "Settings" });
  }

  /** Changes the business name and saves the profile. */
  async renameBusiness(name: string) {
    await this.field("Business name").fill(name);
    await this.page.getByRole("button", { name: "Save profile" }).click();
  }

  /** The "Saved." note beside a form. */
  get savedNotice(): Locator {
    return this.page.getByText("Saved.");
  }

  get rateFrom(): Locator {
    return this.field("In force from");
  }

  /** Adds a row to a reference-rate table (the table already chosen if none is given). */
  async addRate(rate: { table?: string; from: string; percent: string }) {
    if (rate.table !== undefined) await this.field("Table").selectOption(rate.table);
    await this.rateFrom.fill(rate.from);
    await this.field("Rate (% a year)").fill(rate.percent);
    await this.page.getByRole("button", { name: "Add rate" }).click();
  }

  /** The remove button of the rate row in force from `date` as the page writes it ("1 Mar 2026"). */
  removeRateButton(date: string): Locator {
    return this.page.getByRole("button", { name: `Remove the rate from ${date}` });
  }

  /** The grace period after a promised date, in days. */
  get promiseGrace(): Locator {
    return this.field("Grace after a promised date (days)");
  }

  /** Sets the grace period after a promised date and saves the preferences. */
  async setPromiseGrace(days: string) {
    await this.promiseGrace.fill(days);
    await this.page.getByRole("button", { name: "Save preferences" }).click();
  }
}

