// `make size`: what the first visit to / downloads before the dashboard paints, measured in
// Chromium, and the size of every chunk of the build, gzip -9 and brotli (the build's own
// precompressed copies). Usage: node tools/size.mjs [dist folder].
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { launchOptions } from "./chromium.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
/** Bytes, gzip and brotli of one file of the build. */
function sizes(path) {
  const body = readFileSync(path);
  const gz = existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : gzipSync(body, { level: 9 }).length;
  const br = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : NaN;
  return { raw: body.length, gz, br };
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name, { raw, gz, br }) =>
  `${name.padEnd(52)} ${String(raw).padStart(9)} ${String(gz).padStart(9)} ${String(br).padStart(9)}`;
const header = `${"file".padEnd(52)} ${"bytes".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`;
const sum = (list) => list.reduce((total, s) => ({ raw: total.raw + s.raw, gz: total.gz + s.gz, br: total.br + s.br }), { raw: 0, gz: 0, br: 0 });

const server = spawn(process.execPath, [new URL("./serve.mjs", import.meta.url).pathname, dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((ready, fail) => {
  server.stdout.on("data", (data) => String(data).includes("Serving") && ready());
  server.on("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
});

let firstLoad;
const browser = await chromium.launch(launchOptions);
try {
  // No service worker: it would precache the rest of the build, which is not the first load.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener("overdue:painted", () => (window.__painted = performance.now())));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60_000 });
  await page.locator("main h1").waitFor();
  // Every script, module, stylesheet and wasm the page asked for before it painted.
  firstLoad = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => entry.startTime < window.__painted)
      .map((entry) => new URL(entry.name).pathname),
  );
} finally {
  await browser.close();
  server.kill();
}

const code = /\.(wasm|js|css)$/;
const loaded = [...new Set(firstLoad)].filter((path) => code.test(path)).sort();
const html = sizes(join(dist, "index.html"));
console.log(`First load of / in Chromium (requested before the dashboard painted):\n${header}`);
const loadedSizes = loaded.map((path) => {
  const size = sizes(join(dist, path.slice(1)));
  console.log(row(path, size));
  return size;
});
const first = sum(loadedSizes);
console.log(row("index.html (not counted)", html));
console.log(`first load (wasm + js + css): ${kb(first.gz)} gzip, ${kb(first.br)} brotli (budget 200 KB gzip)\n`);

const all = files(dist)
  .filter((path) => code.test(path))
  .map((path) => "/" + relative(dist, path).split("\\").join("/"))
  .sort();
console.log(`Every chunk of the build:\n${header}`);
const allSizes = all.map((path) => {
  const size = sizes(join(dist, path.slice(1)));
  console.log(row(`${path}${loaded.includes(path) ? " *" : ""}`, size));
  return size;
});
const total = sum(allSizes);
console.log(`all chunks (* = first load): ${all.length} files, ${kb(total.raw)}, ${kb(total.gz)} gzip, ${kb(total.br)} brotli`);
if (first.gz > 200 * 1024) console.log(`first load is ${kb(first.gz - 200 * 1024)} over the 200 KB gzip budget`);
