// Shared fixtures: every test fails if the page asks another origin for anything, and
// `expectNoAxeViolations` checks a page against WCAG 2.1 A and AA.
import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, "requests to other origins").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Imports a backup file through the Data page and waits for the result. */
export async function importBackup(page: Page, path: string) {
  await page.goto("/data");
  await page.getByTestId("import-file").setInputFiles(path);
  await expect(page.getByTestId("import-status")).not.toBeEmpty();
}

/** The stored ledger document, exactly as localStorage holds it. */
export async function storedLedger(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem("overdue.ledger"));
}

export function fixture(name: string): string {
  return join(__dirname, "fixtures", name);
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), "utf8");
}
