// The release build boots: the shell renders its navigation and the document title.
import { test, expect } from "../fixtures";

test("the app boots at /", async ({ page, dashboard }) => {
  await dashboard.open();
  await expect(page.locator("nav").first()).toBeVisible();
  await expect(page).toHaveTitle(/Overdue/);
});

test("the wasm is sent precompressed to a browser that accepts brotli or gzip", async ({ page, dashboard }) => {
  const wasm = page.waitForResponse((response) => response.url().endsWith(".wasm"));
  await dashboard.open();
  const url = (await wasm).url();
  const sent = async (encoding: string) =>
    (await page.request.get(url, { headers: { "Accept-Encoding": encoding } })).headers()["content-encoding"];
  expect(await sent("gzip, deflate, br")).toBe("br");
  expect(await sent("gzip")).toBe("gzip");
  expect(await sent("identity")).toBeUndefined();
});
