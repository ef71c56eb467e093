import { defineConfig } from "@playwright/test";
import { launchOptions, port } from "./browser";

// Set E2E_PORT to run two copies at once (`make e2e E2E_PORT=4191`).
export default defineConfig({
  testDir: "./specs",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    launchOptions,
  },
  webServer: {
    command: `node ../../tools/serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
  },
});
