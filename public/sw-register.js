// Registers the service worker (release builds only: the build adds this script) and tells
// the app when a new version is waiting, so it can offer "Update available — reload".
if ("serviceWorker" in navigator) {
  let reloading = false;
  const announce = (worker) => {
    window.__overdueWaiting = worker;
    window.dispatchEvent(new Event("overdue:update-ready"));
  };
  window.addEventListener("overdue:apply-update", () => {
    if (window.__overdueWaiting) window.__overdueWaiting.postMessage("skip-waiting");
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!reloading && window.__overdueWaiting) {
      reloading = true;
      location.reload();
    }
  });
  navigator.serviceWorker.register("/sw.js").then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
      });
    });
  });
}
