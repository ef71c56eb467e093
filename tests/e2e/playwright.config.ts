import { defineConfig } from "@playwright/test";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
];

export default defineConfig({
  testDir: "./specs",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  use: {
    baseURL: "http://127.0.0.1:4173",
    acceptDownloads: true,
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
  },
  webServer: {
    command: "node serve.mjs ../../dist 4173",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: false,
  },
});
