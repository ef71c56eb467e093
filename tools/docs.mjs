// Regenerates the screenshots in docs/: `node tools/docs.mjs <base url>` against a served
// dist/ (`make serve` in another terminal). The letter is printed to PDF by Chromium (A4) and
// its first page turned into a PNG by pdftoppm. The data comes from the e2e fixtures.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { launchOptions } from "./chromium.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const out = new URL("../docs/", import.meta.url).pathname;
const browser = await chromium.launch(launchOptions);

async function importFixture(page, name) {
  await page.goto(`${base}/data`);
  await page.getByTestId("import-file").setInputFiles(new URL(`../tests/e2e/fixtures/${name}`, import.meta.url).pathname);
  await page.getByTestId("import-status").waitFor();
}

// The demand letter's print view on A4 (210 × 297 mm at 96 dpi).
const letter = await browser.newPage({ viewport: { width: 794, height: 1123 } });
await letter.clock.setFixedTime(new Date("2026-03-16T12:00:00"));
await importFixture(letter, "letters.json");
await letter.goto(`${base}/invoices/i1#letter`);
await letter.getByTestId("letter-template").selectOption("demand-letter");
await letter.pdf({ path: "/tmp/letter-a4.pdf", format: "A4" });
execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", "/tmp/letter-a4.pdf", `${out}letter-print-a4`]);

// The settlement planner for the same client.
await letter.setViewportSize({ width: 1280, height: 900 });
await letter.emulateMedia({ media: "screen" });
await letter.goto(`${base}/settlement/c1`);
await letter.getByTestId("plan-count").fill("3");
await letter.getByTestId("schedule-row").first().waitFor();
await letter.screenshot({ path: `${out}planner.png`, fullPage: true });

// The dashboard with sample data.
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/data`);
await page.getByTestId("load-sample").click();
await page.getByTestId("import-status").waitFor();
await page.goto(`${base}/`);
await page.getByTestId("aging-cell").first().waitFor();
await page.screenshot({ path: `${out}dashboard.png`, fullPage: true });

// The same dashboard on a phone: one card per client.
await page.setViewportSize({ width: 360, height: 780 });
await page.screenshot({ path: `${out}dashboard-360.png`, fullPage: true });
await browser.close();
