// The release build of the app into dist/. Usage: node scripts/build.mjs (`make build`).
//
// 1. cargo builds the browser binary for wasm32 (`.cargo/config.toml` keeps the relocations);
// 2. wasm-split cuts it at the `#[wasm_split]` functions of `src/ui/lazy.rs` into the first load
//    and one chunk per page, plus chunks of code that several pages share;
// 3. wasm-bindgen writes the JS glue of the first load, and wasm-opt -Oz shrinks every module;
// 4. the modules, the glue and the split loader go into `pkg/<hash>/`, named by a hash of their
//    contents, so a new build never mixes with the files of an old one;
// 5. index.html gets one stylesheet (the files it lists, in order), preloads of the first load,
//    the inline start-up script and a Content-Security-Policy that allows only that script;
// 6. sw.js precaches every file of the build (the service worker installs after the first
//    paint, see public/sw-register.js), and every text and wasm file gets `.br` and `.gz` copies.
// The build happens in a staging folder that replaces dist/ only once it is complete.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { brotliCompress, constants, gzip } from "node:zlib";
import { promisify } from "node:util";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { wasmFeatures } from "./wasm-features.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
const work = join(target, "overdue-build");
const dist = join(root, "dist");
const staging = join(root, "dist.staging");
const wasmOpt = join(root, "tools/node_modules/.bin/wasm-opt");

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: "inherit" });
const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const hash = (...parts) => {
  const digest = createHash("sha256");
  for (const part of parts) digest.update(part);
  return digest.digest("hex").slice(0, 16);
};
/**
 * Runs `command` with each argument list, two at a time (the machines have two cores). Its
 * stderr passes through, but for the lines that `quiet` matches.
 */
async function parallel(command, argLists, quiet) {
  const queue = [...argLists];
  const worker = async () => {
    for (let args = queue.shift(); args; args = queue.shift()) {
      await new Promise((done, fail) => {
        const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
        let errors = "";
        child.stderr.on("data", (data) => (errors += data));
        child.on("exit", (code) => {
          const shown = errors.split("\n").filter((line) => line && !quiet.test(line));
          if (shown.length) console.error(shown.join("\n"));
          code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited with ${code}`));
        });
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

console.log("==> cargo build (release, wasm32)");
run("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--bin", "overdue", "--features", "split"]);

console.log("==> wasm-split: the first load and one chunk per page");
const split = join(work, "split");
const bindgen = join(work, "bindgen");
rmSync(work, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
run("wasm-split-cli", [join(target, "wasm32-unknown-unknown/release/overdue.wasm"), split, "--out-name", "overdue"]);

console.log("==> wasm-bindgen");
run("wasm-bindgen", [
  join(split, "overdue.wasm"),
  "--target", "web",
  // The chunks call the first load's functions by their linker names.
  "--keep-lld-exports",
  "--no-demangle",
  "--no-typescript",
  "--out-dir", bindgen,
  "--out-name", "overdue",
]);

console.log("==> wasm-opt -Oz on every module");
const pkgWork = join(work, "pkg");
mkdirSync(pkgWork);
const chunks = readdirSync(split).filter((name) => name.endsWith(".wasm") && name !== "overdue.wasm");
const modules = [[join(bindgen, "overdue_bg.wasm"), join(pkgWork, "overdue_bg.wasm")], ...chunks.map((name) => [join(split, name), join(pkgWork, name)])];
await parallel(
  wasmOpt,
  modules.map(([from, to]) => [from, "-Oz", ...wasmFeatures, "-o", to]),
  // wasm-split writes a name subsection binaryen does not know; it is dropped, and harmless.
  /^warning: unknown name subsection with id 3 at \d+$/,
);
cpSync(join(bindgen, "overdue.js"), join(pkgWork, "overdue.js"));
for (const name of readdirSync(split).filter((name) => name.endsWith(".js"))) cpSync(join(split, name), join(pkgWork, name));
const splitLoader = readdirSync(pkgWork).find((name) => name.endsWith(".js") && name !== "overdue.js");

console.log("==> dist/");
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
const pkgFiles = readdirSync(pkgWork).sort();
const pkgHash = hash(...pkgFiles.flatMap((name) => [name, readFileSync(join(pkgWork, name))]));
const pkg = `/pkg/${pkgHash}`;
cpSync(pkgWork, join(staging, pkg.slice(1)), { recursive: true });
cpSync(join(root, "public"), staging, { recursive: true });

// index.html: its stylesheets become one file; the first load is preloaded and started.
let html = readFileSync(join(root, "index.html"), "utf8").replace(/\s*<!--[\s\S]*?-->/, "");
const sheets = [...html.matchAll(/\s*<link rel="stylesheet" href="\/(style\/[^"]+\.css)" \/>/g)];
if (sheets.length === 0) throw new Error("index.html lists no stylesheet");
const css = sheets.map(([, path]) => `/* ${path} */\n${readFileSync(join(root, path), "utf8")}`).join("\n");
const cssPath = `/style-${hash(css)}.css`;
writeFileSync(join(staging, cssPath.slice(1)), css);
html = html.replace(sheets[0][0], `\n    <link rel="stylesheet" href="${cssPath}" />`);
for (const [tag] of sheets.slice(1)) html = html.replace(tag, "");
const startup = `import init from "${pkg}/overdue.js"; init({ module_or_path: "${pkg}/overdue_bg.wasm" });`;
const preloads = [
  `<link rel="modulepreload" href="${pkg}/overdue.js" />`,
  splitLoader && `<link rel="modulepreload" href="${pkg}/${splitLoader}" />`,
  `<link rel="preload" href="${pkg}/overdue_bg.wasm" as="fetch" type="application/wasm" crossorigin />`,
].filter(Boolean);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash("sha256").update(startup).digest("base64")}'`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
html = html
  .replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`)
  .replace(
    "</head>",
    `  ${preloads.join("\n    ")}\n    <script type="module">${startup}</script>\n    <script src="/sw-register.js" defer></script>\n  </head>`,
  );
writeFileSync(join(staging, "index.html"), html);

// sw.js: public/sw.js with the list of every other file, precached under a cache named by a
// hash of their names and contents.
const assets = files(staging)
  .map((path) => "/" + relative(staging, path).split("\\").join("/"))
  .filter((asset) => asset !== "/sw.js")
  .sort();
const version = hash(...assets.flatMap((asset) => [asset, readFileSync(join(staging, asset.slice(1)))]));
const workerPath = join(staging, "sw.js");
const worker = readFileSync(workerPath, "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("[/* __ASSETS__ */]", JSON.stringify(["/", ...assets.filter((asset) => asset !== "/index.html")], null, 2));
if (!worker.includes(version) || worker.includes("__ASSETS__")) throw new Error("public/sw.js lost its placeholders");
writeFileSync(workerPath, worker);

// Precompressed copies, brotli at its best quality and gzip -9.
const compressible = files(staging).filter((path) => /\.(wasm|js|css|html|json|webmanifest|svg)$/.test(path));
await Promise.all(
  compressible.map(async (path) => {
    const body = readFileSync(path);
    const [br, gz] = await Promise.all([
      promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
      promisify(gzip)(body, { level: 9 }),
    ]);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
  }),
);

const old = join(root, "dist.old");
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(
  `build: ${modules.length} wasm modules in ${pkg}; ${assets.length} files precached as overdue-${version}; ${compressible.length} files precompressed`,
);
