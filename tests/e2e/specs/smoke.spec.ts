// The release build boots: the shell renders its navigation and the document title.
import { test, expect } from "../fixtures";

test("the app boots at /", async ({ page, dashboard }) => {
  await dashboard.open();
  await expect(page.locator("nav").first()).toBeVisible();
  await expect(page).toHaveTitle(/Overdue/);
});
