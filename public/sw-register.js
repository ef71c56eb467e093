// Registers the service worker (release builds only: the build adds this script) once the first
// page has painted, so that its precache of every chunk does not compete with the first load, and
// tells the app when a new version is waiting, so it can offer "Update available — reload".
if ("serviceWorker" in navigator) {
  let reloading = false;
  let registered = false;
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
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register("/sw.js").then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      });
    });
  };
  // The app fires overdue:painted when its first route is on screen; should it never boot (a
  // failed download, say), the worker still registers a few seconds after the page has loaded.
  window.addEventListener("overdue:painted", register, { once: true });
  window.addEventListener("load", () => setTimeout(register, 5000), { once: true });
}
