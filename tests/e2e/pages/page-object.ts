// What every page object shares: the page, the form-error lookup and downloads.
import { expect, Locator, Page } from "@playwright/test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A file the app offered for download, saved to a temporary folder. */
export interface Downloaded {
  /** Where it was saved. */
  path: string;
  /** The name the app suggested. */
  name: string;
  /** Its contents as UTF-8 text. */
  text: string;
}

/** Clicks `control` and returns the file the app downloads. */
export async function download(page: Page, control: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent("download"), control.click()]);
  const name = file.suggestedFilename();
  const path = join(mkdtempSync(join(tmpdir(), "overdue-")), name);
  await file.saveAs(path);
  return { path, name, text: readFileSync(path, "utf8") };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches a control's whole label, with or without the " *" of a required field. */
export function wholeLabel(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}( \\*)?$`);
}

export abstract class PageObject {
  constructor(readonly page: Page) {}

  /** A form control by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label);
  }

  /**
   * Expects the error shown beside a form control: the text the control points at with
   * `aria-describedby`, which is what a screen reader announces with it. `message` is a part
   * of the error, or with `exact` the whole of it (a field hint, if any, comes before it).
   */
  async expectFieldError(control: string | Locator, message: string | RegExp, options: { exact?: boolean } = {}) {
    const locator = typeof control === "string" ? this.field(control) : control;
    const pattern =
      typeof message !== "string" ? message : new RegExp(options.exact ? `^${escapeRegExp(message)}$` : escapeRegExp(message));
    await expect(locator).toHaveAccessibleDescription(pattern);
  }
}
