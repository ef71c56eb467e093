// Every page but the dashboard loads its code when first opened. A download that fails shows
// a message with a retry instead of a blank page, and the retry opens the page.
import { test, expect, expectNoAxeViolations } from "../fixtures";

// No service worker: the network's answer (blocked below) is what the page gets.
test.use({ serviceWorkers: "block" });

test("a page whose code fails to download says so, and Try again opens it", async ({ page, app, dashboard, clients }) => {
  await dashboard.open();
  await expect(app.heading).toBeVisible();
  const chunk = /\/split_clients\.wasm$/;
  const asked: string[] = [];
  await page.route(chunk, (route) => {
    asked.push(route.request().url());
    return route.abort("internetdisconnected");
  });

  await app.navigate("Clients");
  const failed = page.getByTestId("chunk-failed");
  await expect(failed).toBeVisible();
  await expect(failed.getByRole("heading", { level: 1 })).toHaveText("This page could not be loaded");
  await expect(failed).toContainText("Check your connection, then try again.");
  expect(asked).toHaveLength(1);
  await expectNoAxeViolations(page);
  // The shell still works: the dashboard is one click away.
  await app.navigate("Dashboard");
  await expect(page.getByTestId("as-of")).toBeVisible();
  await app.navigate("Clients");
  await expect(failed).toBeVisible();

  await page.unroute(chunk);
  await page.getByTestId("chunk-retry").click();
  await expect(clients.emptyHeading).toBeVisible();
  await expect(failed).toBeHidden();
  // Saving opens the new client's page, the code of which is another chunk.
  await clients.addClient({ name: "Harbour Lights Ltd" });
  await expect(page.getByRole("heading", { name: "Harbour Lights Ltd", level: 1 })).toBeVisible();
});
