// A small static server for dist/ with an SPA fallback: any path that is not a file gets
// index.html. It sends a file's precompressed `.br` or `.gz` copy when the browser accepts that
// encoding. Usage: node tools/serve.mjs <root> <port>; `make serve` and the e2e tests use it.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(process.argv[2] ?? process.env.ROOT ?? "dist");
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The precompressed copy of `path` the request accepts, brotli first: [file, encoding]. */
async function encodedCopy(path, accepted) {
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!accepted.split(",").some((part) => part.trim().split(";")[0] === encoding)) continue;
    try {
      if ((await stat(path + suffix)).isFile()) return [path + suffix, encoding];
    } catch {
      // No copy in this encoding: try the next.
    }
  }
  return [path, null];
}

async function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw Object.assign(new Error("bad request"), { status: 400 });
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  try {
    const urlPath = new URL(request.url, "http://localhost").pathname;
    const path = (await fileFor(urlPath)) ?? join(root, "index.html");
    const [file, encoding] = await encodedCopy(path, String(request.headers["accept-encoding"] ?? ""));
    const body = await readFile(file);
    const headers = { "Content-Type": types[extname(path)] ?? "application/octet-stream", Vary: "Accept-Encoding" };
    if (encoding) headers["Content-Encoding"] = encoding;
    headers["Cache-Control"] = path.endsWith("index.html") || path.endsWith("sw.js") ? "no-cache" : "public, max-age=3600";
    response.writeHead(200, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  } catch (error) {
    const status = error.status ?? 500;
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(status === 400 ? "Bad request" : "Internal error");
    if (status !== 400) console.error(error);
  }
})
  .on("error", (error) => {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(1);
  })
  .listen(port, "127.0.0.1", () => console.log(`Serving ${root} on http://127.0.0.1:${port}`));
