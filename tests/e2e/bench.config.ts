import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `make bench`: the browser boot benchmark, run on its own (not part of `make test`).
export default defineConfig({ ...base, testDir: "./bench", testMatch: "*.bench.ts", timeout: 180_000 });
