// The case file's pictures for docs/: the client page's timeline and the evidence pack printed
// to PDF (A4 and US Letter), from the e2e case fixture with the clock on 20 April 2026.
// Usage: node tools/case-shots.mjs <base url> <out dir>
// Then: pdftoppm -png -r 80 -f 1 -l 1 <out dir>/evidence-pack-a4.pdf docs/evidence-pack-a4
import { chromium } from "playwright-core";
import { launchOptions } from "./chromium.mjs";
import { fileURLToPath } from "node:url";

const [base, out] = process.argv.slice(2);
const fixture = fileURLToPath(new URL("../tests/e2e/fixtures/case.json", import.meta.url));
const browser = await chromium.launch(launchOptions);
for (const width of [1280, 360]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.clock.setFixedTime(new Date("2026-04-20T12:00:00"));
  await page.goto(`${base}/data`);
  await page.getByTestId("import-file").setInputFiles(fixture);
  await page.getByTestId("import-status").filter({ hasText: "Imported" }).waitFor();
  await page.goto(`${base}/clients/c1`);
  await page.getByTestId("timeline-entry").first().waitFor();
  await page.getByText("Read the letter as sent").click();
  await page.locator("#timeline-heading").scrollIntoViewIfNeeded();
  await page.locator("section[aria-labelledby=timeline-heading]").screenshot({ path: `${out}/timeline-${width}.png` });
  await page.goto(`${base}/clients/c1/pack`);
  await page.getByTestId("pack-event").first().waitFor();
  await page.screenshot({ path: `${out}/pack-${width}.png`, fullPage: true });
  if (width === 1280) {
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: `${out}/evidence-pack-a4.pdf`, format: "A4" });
    await page.pdf({ path: `${out}/evidence-pack-letter.pdf`, format: "Letter" });
  }
  await page.close();
}
await browser.close();
