// The test object every spec imports: one page object per page as a fixture, and an
// auto-fixture that fails any test in which the page asks another origin for anything.
// `expectNoAxeViolations` checks a page against WCAG 2.1 A and AA.
import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppShell } from "./pages/app";
import { ClientTimeline, EvidencePack } from "./pages/case";
import { ClientPage, ClientsPage } from "./pages/clients";
import { DashboardPage } from "./pages/dashboard";
import { DataPage } from "./pages/data";
import { ImportPage } from "./pages/import";
import { InvoicePage } from "./pages/invoice";
import { InvoicesPage } from "./pages/invoices";
import { LetterView } from "./pages/letter";
import { RecoveryScreen } from "./pages/recovery";
import { SettingsPage } from "./pages/settings";
import { SettlementPage } from "./pages/settlement";
import { TemplatesPage } from "./pages/templates";

export interface Pages {
  app: AppShell;
  data: DataPage;
  importer: ImportPage;
  dashboard: DashboardPage;
  invoices: InvoicesPage;
  invoice: InvoicePage;
  letter: LetterView;
  settlement: SettlementPage;
  clients: ClientsPage;
  client: ClientPage;
  templates: TemplatesPage;
  settings: SettingsPage;
  recovery: RecoveryScreen;
  timeline: ClientTimeline;
  pack: EvidencePack;
}

export const test = base.extend<Pages & { foreignRequests: string[] }>({
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
  app: async ({ page }, use) => use(new AppShell(page)),
  data: async ({ page }, use) => use(new DataPage(page)),
  importer: async ({ page }, use) => use(new ImportPage(page)),
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),
  invoices: async ({ page }, use) => use(new InvoicesPage(page)),
  invoice: async ({ page }, use) => use(new InvoicePage(page)),
  letter: async ({ page }, use) => use(new LetterView(page)),
  settlement: async ({ page }, use) => use(new SettlementPage(page)),
  clients: async ({ page }, use) => use(new ClientsPage(page)),
  client: async ({ page }, use) => use(new ClientPage(page)),
  templates: async ({ page }, use) => use(new TemplatesPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
  recovery: async ({ page }, use) => use(new RecoveryScreen(page)),
  timeline: async ({ page }, use) => use(new ClientTimeline(page)),
  pack: async ({ page }, use) => use(new EvidencePack(page)),
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

// Fixtures of the e2e tests live in tests/e2e/fixtures; the contract's example backup is
// shared with the Rust tests and lives in tests/fixtures.
const fixtureFolders = [join(__dirname, "fixtures"), join(__dirname, "..", "fixtures")];

/** The path of a fixture file by name. */
export function fixture(name: string): string {
  const path = fixtureFolders.map((folder) => join(folder, name)).find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`no fixture ${name} in ${fixtureFolders.join(" or ")}`);
  return path;
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), "utf8");
}
