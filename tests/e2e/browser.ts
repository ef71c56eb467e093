// How the tests launch Chromium: Debian's /usr/bin/chromium with the one list of flags in
// tools/chromium.json (shared with the screenshot tools and webdriver.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const chromium: { executablePath: string; args: string[] } = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "tools", "chromium.json"), "utf8"),
);

export const launchOptions = { executablePath: chromium.executablePath, args: chromium.args };

/** The port tools/serve.mjs serves dist/ on for the tests: `E2E_PORT`, 4173 by default. */
export const port = Number(process.env.E2E_PORT ?? 4173);
