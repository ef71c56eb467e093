// Every page that exists passes axe (WCAG 2.1 A and AA), empty and with data.
import { test, expect, expectNoAxeViolations } from "../fixtures";

const pages = ["/", "/clients", "/invoices", "/templates", "/data", "/settings"];

test("every page passes axe when the ledger is empty", async ({ page }) => {
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("every page passes axe with sample data", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-status")).toContainText("Added sample data");
  const clientId = await page.evaluate(() => JSON.parse(localStorage.getItem("overdue.ledger")!).clients[0].id);
  const invoiceId = await page.evaluate(() => JSON.parse(localStorage.getItem("overdue.ledger")!).invoices[2].id);
  for (const path of [...pages, `/clients/${clientId}`, `/invoices/${invoiceId}`, `/settlement/${clientId}`]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("button", { name: "Add invoice" }).click();
  await page.getByRole("button", { name: "Edit details" }).click();
  await expectNoAxeViolations(page);
});
