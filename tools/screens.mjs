// Takes a screenshot of each page with sample data loaded, for looking at what was built.
// Usage: node tools/screens.mjs <base url> <out dir> <width> path...
import { chromium } from "playwright-core";
import { launchOptions } from "./chromium.mjs";

const [base, out, width, ...paths] = process.argv.slice(2);
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(`${base}/data`);
await page.getByTestId("load-sample").click();
await page.getByTestId("import-status").waitFor();
for (const path of paths) {
  await page.goto(`${base}${path}`);
  await page.locator("main h1").waitFor();
  const name = path.replace(/[^a-z0-9]+/gi, "_") || "root";
  await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
}
await browser.close();
