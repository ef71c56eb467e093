// Every page that exists passes axe (WCAG 2.1 A and AA), empty and with data.
import { test, expect, expectNoAxeViolations } from "../fixtures";

const pages = ["/", "/clients", "/invoices", "/templates", "/data", "/settings"];

test("every page passes axe when the ledger is empty", async ({ page, app }) => {
  for (const path of pages) {
    await page.goto(path);
    await expect(app.heading).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("every page passes axe with sample data", async ({ page, app, data, client }) => {
  await data.loadSample();
  const stored = await data.storedDocument();
  const clientId = stored.clients[0].id;
  const invoiceId = stored.invoices[2].id;
  for (const path of [...pages, `/clients/${clientId}`, `/invoices/${invoiceId}`, `/settlement/${clientId}`]) {
    await page.goto(path);
    await expect(app.heading).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await client.open(clientId);
  await client.startInvoice();
  await client.editDetails();
  await expectNoAxeViolations(page);
});
