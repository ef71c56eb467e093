// `/settlement/<client id>`: options compared, the instalment planner, plans and the prep sheet.
import { Locator } from "@playwright/test";
import { download, PageObject } from "./page-object";

export type Option = "lump-sum" | "instalments" | "agency" | "court" | "write-off";
export const OPTIONS: Option[] = ["lump-sum", "instalments", "agency", "court", "write-off"];

export interface Plan {
  total?: string;
  downPayment?: string;
  count?: string;
  frequency?: "weekly" | "fortnightly" | "monthly";
  firstDate?: string;
}

export class SettlementPage extends PageObject {
  async open(clientId: string) {
    await this.page.goto(`/settlement/${clientId}`);
  }

  /** The whole claim (balance, interest and compensation); `data-amount` holds it. */
  get claim(): Locator {
    return this.page.getByTestId("case-claim");
  }

  /** The option to claim interest on the client's invoices paid in full but late. */
  get includePaidLate(): Locator {
    return this.page.getByTestId("include-paid-late");
  }

  /** The row of one invoice in the case (`data-paid-late` says whether it was paid late). */
  caseRow(invoiceId: string): Locator {
    return this.page.locator(`[data-testid="case-row"][data-invoice="${invoiceId}"]`);
  }

  /** The warning beside the case's interest that a rate after its table's check is needed. */
  get stale(): Locator {
    return this.page.getByTestId("case-stale");
  }

  /** One compared option; `data-amount` holds its expected net recovery. */
  option(option: Option): Locator {
    return this.page.locator(`[data-testid="option-value"][data-option="${option}"]`);
  }

  /** Every option's expected net recovery, by option. */
  async optionValues(): Promise<Record<string, string | null>> {
    const pairs = await this.page
      .getByTestId("option-value")
      .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute("data-option"), cell.getAttribute("data-amount")]));
    return Object.fromEntries(pairs);
  }

  get planCount(): Locator {
    return this.page.getByTestId("plan-count");
  }

  /** Fills the planner's inputs that are given; an empty string clears one. */
  async plan(plan: Plan) {
    if (plan.total !== undefined) await this.page.getByTestId("plan-total").fill(plan.total);
    if (plan.downPayment !== undefined) await this.page.getByTestId("plan-down-payment").fill(plan.downPayment);
    if (plan.count !== undefined) await this.planCount.fill(plan.count);
    if (plan.frequency !== undefined) await this.page.getByTestId("plan-frequency").selectOption(plan.frequency);
    if (plan.firstDate !== undefined) await this.page.getByTestId("plan-first-date").fill(plan.firstDate);
  }

  /** The rows of the drawn schedule. */
  get scheduleRows(): Locator {
    return this.page.getByTestId("schedule-row");
  }

  /** The drawn schedule as [date, amount] pairs. */
  async schedule(): Promise<(string | null)[][]> {
    return this.scheduleRows.evaluateAll((rows) => rows.map((row) => [row.getAttribute("data-date"), row.getAttribute("data-amount")]));
  }

  /** Downloads the schedule's calendar file and returns its text. */
  async downloadCalendar(): Promise<string> {
    return (await download(this.page, this.page.getByTestId("download-ics"))).text;
  }

  /** Saves the drawn schedule as the client's accepted plan. */
  async acceptPlan() {
    await this.page.getByTestId("accept-plan").click();
  }

  /** The instalments of the accepted plan; `data-state` says paid, due and so on. */
  get instalments(): Locator {
    return this.page.getByTestId("plan-instalment");
  }

  get walkAwayFloor(): Locator {
    return this.field("Walk-away floor");
  }

  get clientSaid(): Locator {
    return this.field("What the client told me");
  }

  /** Fills the negotiation prep sheet's fields that are given and saves it. */
  async savePrepSheet(sheet: { floor?: string; clientSaid?: string }) {
    if (sheet.floor !== undefined) await this.walkAwayFloor.fill(sheet.floor);
    if (sheet.clientSaid !== undefined) await this.clientSaid.fill(sheet.clientSaid);
    await this.page.getByRole("button", { name: "Save the prep sheet" }).click();
  }
}
