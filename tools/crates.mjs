// `make crates`: where the wasm goes, as markdown tables for BENCHMARKS.md. From the last
// `make build`, it optimises each module again as the build does but keeping function names
// (`wasm-opt -Oz -g`), runs twiggy on it and prints the first load by crate, each page's chunk
// by crate, and what opening each page downloads after the dashboard (its own chunk and the
// chunks it shares with other pages, gzip and brotli as built).
// Usage: node tools/crates.mjs [cargo target folder] [dist folder].
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { wasmFeatures } from "../scripts/wasm-features.mjs";

const work = join(resolve(process.argv[2] ?? process.env.CARGO_TARGET_DIR ?? "target"), "overdue-build");
const dist = resolve(process.argv[3] ?? "dist");
const pkg = join(dist, "pkg", readdirSync(join(dist, "pkg"))[0]);
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The crate an item of twiggy's list belongs to: the first path segment of its name. */
function crateOf(name) {
  if (name.startsWith("data segment")) return "(data: strings and tables)";
  if (name.startsWith("__wasm_split")) return "(split entry points)";
  if (name.startsWith("custom section")) return "(custom sections)";
  if (/^elem\[|^table\[|^global\[|^type\[|^import |^export /.test(name)) return "(wasm tables, types, imports)";
  const path = name.replace(/^(?:[<&(\s]|mut |dyn |impl )+/, "");
  const crate = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(path)?.[1];
  if (!crate) return "(other)";
  if (crate === "code") return "(functions without a name)";
  if (/^(f32|f64|[iu](8|16|32|64|128|size)|str|bool|char)$/.test(crate)) return "core";
  // Blanket impls (`<T as Trait>::f`, `<F as Trait>::f`) are generic view and closure code.
  return /^[A-Z]$/.test(crate) ? "(generic impls: <T as …>, <F as …>)" : crate;
}

const named = join(work, "named");
mkdirSync(named, { recursive: true });

/**
 * Bytes per crate of one module once optimised, without its name section (the shipped
 * modules have none).
 */
function byCrate(path) {
  const optimised = join(named, basename(path));
  const wasmOpt = new URL("./node_modules/.bin/wasm-opt", import.meta.url).pathname;
  execFileSync(wasmOpt, [path, "-Oz", "-g", ...wasmFeatures, "-o", optimised], { stdio: "ignore" });
  const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", optimised], { maxBuffer: 1 << 28 }).toString();
  const totals = new Map();
  for (const line of csv.split("\n").slice(1)) {
    const match = /^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/.exec(line);
    if (!match) continue;
    const name = match[1]?.replaceAll('""', '"') ?? match[2];
    if (name.includes("subsection") || name.startsWith("Σ") || name.startsWith("...")) continue;
    const crate = crateOf(name);
    totals.set(crate, (totals.get(crate) ?? 0) + Number(match[3]));
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return { all, crates: [...totals.entries()].sort((a, b) => b[1] - a[1]) };
}

const size = (file, suffix) => statSync(join(pkg, file + suffix)).size;

console.log("### First load by crate (twiggy on the optimised module)\n");
const main = byCrate(join(work, "bindgen/overdue_bg.wasm"));
console.log(`| crate | bytes | share |\n|---|---|---|`);
for (const [crate, bytes] of main.crates.slice(0, 20)) console.log(`| ${crate} | ${bytes} | ${((100 * bytes) / main.all).toFixed(1)}% |`);
const rest = main.crates.slice(20).reduce((a, [, b]) => a + b, 0);
console.log(`| ${main.crates.length - 20} other crates | ${rest} | ${((100 * rest) / main.all).toFixed(1)}% |`);
console.log(`| **all** | **${main.all}** | as shipped: ${size("overdue_bg.wasm", "")} bytes, ${kb(size("overdue_bg.wasm", ".gz"))} KB gzip |\n`);

// The split loader names each page's chunk and the shared chunks it waits for.
const loader = readFileSync(join(pkg, "__wasm_split.js"), "utf8");
const chunkFile = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"/g)].map((m) => [m[1], m[2]]));
const splits = [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g)].map((m) => ({
  name: m[1],
  file: m[2],
  shared: m[3].split(",").map((s) => s.trim()).filter(Boolean).map((v) => chunkFile.get(v)),
}));

console.log("### Each chunk on first open, after the dashboard (as built)\n");
console.log("| chunk | its own module gz | shared chunks | shared gz | download gz | download brotli | largest crates in its own module |\n|---|---|---|---|---|---|---|");
for (const split of splits.sort((a, b) => a.name.localeCompare(b.name))) {
  const own = size(split.file, ".gz");
  const sharedGz = split.shared.reduce((a, f) => a + size(f, ".gz"), 0);
  const br = [split.file, ...split.shared].reduce((a, f) => a + size(f, ".br"), 0);
  const { all, crates } = byCrate(join(work, "split", split.file));
  const top = crates.slice(0, 3).map(([crate, bytes]) => `${crate} ${((100 * bytes) / all).toFixed(0)}%`).join(", ");
  console.log(`| ${split.name} | ${kb(own)} KB | ${split.shared.length} | ${kb(sharedGz)} KB | ${kb(own + sharedGz)} KB | ${kb(br)} KB | ${top} |`);
}
