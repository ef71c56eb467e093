// `/data`: backup export and import, sample data, and what the browser's storage holds.
import { expect, Locator, Page } from "@playwright/test";
import { download, Downloaded, PageObject } from "./page-object";

/** The keys of the stored ledger document, its previous copy and its revision. */
export const LEDGER_KEY = "overdue.ledger";
export const PREVIOUS_KEY = "overdue.ledger.previous";
export const REVISION_KEY = "overdue.revision";

/**
 * Reads `key` from the app's IndexedDB store (database `overdue`, object store `keys`), where
 * the ledger lives; null when it is absent.
 */
export function readStored(page: Page, key: string): Promise<string | null> {
  return page.evaluate(async (key) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("overdue");
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const value = await new Promise((ok, fail) => {
      const get = db.transaction("keys").objectStore("keys").get(key);
      get.onsuccess = () => ok(get.result);
      get.onerror = () => fail(get.error);
    });
    db.close();
    return (value as string | undefined) ?? null;
  }, key);
}

/**
 * Writes keys straight into the app's IndexedDB store in one transaction, as another program
 * (or a damaged disk) would: the app hears nothing of it.
 */
export function writeStored(page: Page, entries: Record<string, string>): Promise<void> {
  return page.evaluate(async (entries) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("overdue");
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    await new Promise((ok, fail) => {
      const tx = db.transaction("keys", "readwrite");
      for (const [key, value] of Object.entries(entries)) tx.objectStore("keys").put(value, key);
      tx.oncomplete = () => ok(null);
      tx.onabort = () => fail(tx.error);
    });
    db.close();
  }, entries);
}

/**
 * Makes the app's IndexedDB refuse, as a full disk does, every text longer than
 * `window.__storageLimit` characters (unset: no limit), from the next page load on.
 */
export function fillStorageAt(page: Page): Promise<void> {
  return page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: any, key?: IDBValidKey) {
      const limit = (window as any).__storageLimit;
      if (typeof limit === "number" && typeof value === "string" && value.length > limit) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return put.call(this, value, key);
    };
  });
}

/**
 * From the next load of a URL whose query has `fault`, makes `localStorage.getItem` and
 * `indexedDB.open` throw, as a browser that blocks storage does. Loading a URL without it
 * lifts the fault.
 */
export function blockStorageOn(page: Page): Promise<void> {
  return page.addInitScript(() => {
    if (!location.search.includes("fault")) return;
    const refuse = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key: string) {
      if (this === window.localStorage) refuse();
      return getItem.call(this, key);
    };
    IDBFactory.prototype.open = refuse as any;
  });
}

export class DataPage extends PageObject {
  async open() {
    await this.page.goto("/data");
  }

  /** The result of the last import or sample load, or its error. */
  get status(): Locator {
    return this.page.getByTestId("import-status");
  }

  get loadSampleButton(): Locator {
    return this.page.getByTestId("load-sample");
  }

  /** Opens /data, imports a backup file and waits for the result. */
  async importBackup(path: string) {
    await this.open();
    await this.chooseBackup(path);
    await expect(this.status).not.toBeEmpty();
  }

  /** Picks a backup file on the page that is open (an import starts at once). */
  async chooseBackup(path: string) {
    await this.page.getByTestId("import-file").setInputFiles(path);
  }

  /** Opens /data and loads the sample ledger. */
  async loadSample() {
    await this.open();
    await this.loadSampleButton.click();
    await expect(this.status).toContainText("Added sample data");
  }

  /** Clicks "Export backup" and returns the downloaded file. */
  async exportBackup(): Promise<Downloaded> {
    return download(this.page, this.page.getByTestId("export-backup"));
  }

  /** Clicks "Invoices and payments (CSV)" and returns the downloaded file. */
  async exportCsv(): Promise<Downloaded> {
    return download(this.page, this.page.getByTestId("export-csv"));
  }

  /**
   * The stored ledger document, exactly as IndexedDB holds it, once every save the app
   * has already scheduled has run. The app stores a change after the next paint (a frame,
   * then a task); this waits for a frame and a task queued after it.
   */
  async storedLedger(): Promise<string | null> {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    return readStored(this.page, LEDGER_KEY);
  }

  /** The stored ledger, parsed. */
  async storedDocument(): Promise<any> {
    return JSON.parse((await this.storedLedger())!);
  }

  /** The revision of the stored document, or null before the first save. */
  async storedRevision(): Promise<string | null> {
    return readStored(this.page, REVISION_KEY);
  }

  /** The storage meter: its sentence, with the percent in use as `data-value`. */
  get storageUse(): Locator {
    return this.page.getByTestId("storage-use");
  }

  /**
   * Runs `action` (a change made on any page) and waits until it is stored: the stored
   * revision moves on. Use it before a reload or a read of storage.
   */
  async waitForSave(action: () => Promise<unknown>) {
    const before = await this.storedRevision();
    await action();
    await expect.poll(() => this.storedRevision(), { message: "the change is stored" }).not.toBe(before);
  }
}
