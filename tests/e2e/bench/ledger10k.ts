// The benchmark ledger: 10,000 GBP invoices for 500 clients, a third of them half paid,
// stored exactly as the app stores it (the current schema, with a revision).
export function ledger10k() {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
  const clients = Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, name: `Client ${i}` }));
  const invoices = [];
  const payments = [];
  let total = 0;
  for (let i = 0; i < 10000; i++) {
    const issued = next() % 600;
    const cents = (next() % 1000000) + 100;
    invoices.push({ id: `i${i}`, client_id: `c${i % 500}`, number: `N${i}`, issue_date: day(issued), due_date: day(issued + 30), amount: (cents / 100).toFixed(2), currency: "GBP" });
    let paid = 0;
    if (i % 3 === 0) {
      paid = Math.floor(cents / 2);
      payments.push({ id: `p${i}`, invoice_id: `i${i}`, date: day(issued + 20), amount: (paid / 100).toFixed(2) });
    }
    total += cents - paid;
  }
  const doc = { format: "overdue-backup", schema: 2, exported_at: "2026-11-23T00:00:00Z", revision: 1, business: { name: "Bench" }, clients, invoices, payments, plans: [] };
  return { text: JSON.stringify(doc), total: (total / 100).toFixed(2), payment: payments[0] };
}

/**
 * Stores the benchmark ledger in a page's origin as the app keeps it: in IndexedDB (database
 * `overdue`, store `keys`), the revision beside it. With `legacy`, in localStorage instead, as
 * an older version kept it (the next boot moves it to IndexedDB).
 */
export async function storeLedger(page, baseURL: string, text: string, legacy = false) {
  await page.goto(`${baseURL}/data`);
  await page.evaluate(async ({ text, legacy }) => {
    localStorage.clear();
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open("overdue");
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    await new Promise((ok, fail) => {
      const tx = db.transaction("keys", "readwrite");
      const keys = tx.objectStore("keys");
      keys.clear();
      if (!legacy) {
        keys.put(text, "overdue.ledger");
        keys.put("1", "overdue.revision");
      }
      tx.oncomplete = () => ok(null);
      tx.onabort = () => fail(tx.error);
    });
    db.close();
    if (legacy) {
      localStorage.setItem("overdue.ledger", text);
    }
    localStorage.setItem("overdue.revision", "1");
  }, { text, legacy });
}


/** The median of some timings. */
export function median(times: number[]) {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
