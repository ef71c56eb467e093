import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
const port = Number(process.env.BENCH_PORT ?? 4300);
const dist = process.env.BENCH_DIST ?? "../../dist";
export default defineConfig({
  ...base, testDir: "./bench", testMatch: "*.bench.ts", timeout: 300_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: { command: `node serve.mjs ${dist} ${port}`, url: `http://127.0.0.1:${port}`, reuseExistingServer: false },
});
