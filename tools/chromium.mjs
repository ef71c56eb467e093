// The one list of Chromium flags, in tools/chromium.json: Playwright (tests/e2e/browser.ts),
// the screenshot tools here and webdriver.json (wasm-bindgen-test) all launch Debian's
// /usr/bin/chromium with it.
//
// `node tools/chromium.mjs webdriver` prints webdriver.json; the Makefile regenerates it
// whenever tools/chromium.json changes.
import { readFileSync } from "node:fs";

export const chromium = JSON.parse(readFileSync(new URL("./chromium.json", import.meta.url), "utf8"));

/** Options for Playwright's `chromium.launch`. */
export const launchOptions = { executablePath: chromium.executablePath, args: chromium.args };

/** The capabilities file wasm-bindgen-test-runner hands to chromedriver. */
export function webdriverJson() {
  const capabilities = {
    "goog:chromeOptions": { binary: chromium.executablePath, args: ["--headless=new", ...chromium.args] },
  };
  return `${JSON.stringify(capabilities, null, 2)}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname && process.argv[2] === "webdriver") {
  process.stdout.write(webdriverJson());
}
