// The service worker. `scripts/build.mjs` fills in the version (a hash of every file of the
// build) and the list of those files, which it precaches on install: the first load, every
// page's chunk, the stylesheet, the manifest and the icons, so the whole app works offline.
const VERSION = "__VERSION__";
const CACHE = `overdue-${VERSION}`;
const ASSETS = [/* __ASSETS__ */];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...ASSETS, "/index.html"])));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("overdue-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every route is the app: answer with the cached index.html, whatever the network does.
    event.respondWith(caches.match("/index.html").then((cached) => cached || fetch(request)));
    return;
  }
  // Cache first: every asset was precached with this version, and a new build installs a new
  // cache (named by the hash of every file) before the old one is deleted.
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
