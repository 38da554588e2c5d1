import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** The console page as a person uses it: by labels, roles and visible text only. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async shot(name: string): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: false });
  }

  /** A screenshot with the card titled `title` at the top of the view, under the sticky bar. */
  async shotOfCard(title: string, name: string): Promise<void> {
    // A string, run in the page: the project's types have no DOM.
    await this.card(title).evaluate(
      "(el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -72); }",
    );
    await this.shot(name);
  }

  /** Picks another person in the user switcher; the page reloads as them. */
  async actAs(name: string, id: string): Promise<void> {
    await this.page.getByLabel('Acting as').selectOption({ label: name });
    await this.page.locator(`#as option[value="${id}"][selected]`).waitFor({ state: 'attached' });
  }

  async type(text: string): Promise<void> {
    const box = this.page.getByLabel(/^Message /);
    await box.fill(text);
    await box.press('Enter');
  }

  async openChannel(prefix: string): Promise<string> {
    const link = this.page
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('link', { name: new RegExp(prefix) });
    await link.waitFor({ timeout: 20_000 });
    const name = ((await link.textContent()) ?? '').replace(/^🔒\s*/, '').trim();
    await link.click();
    await this.page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    return name;
  }

  /** The step card whose header holds `title`. */
  card(title: string): Locator {
    return this.page.locator('article.msg', { has: this.page.locator('h3.bk-header', { hasText: title }) });
  }

  /** Clicks Approve on a card and confirms in its dialog (high-risk steps ask first). */
  async approve(title: string, screenshot?: string): Promise<void> {
    const card = this.card(title);
    await card.getByRole('button', { name: /^Approve \d+ changes?$/ }).click({ timeout: 30_000 });
    const dialog = this.page.getByRole('dialog', { name: /^Approve \d+ changes?\?$/ });
    await dialog.waitFor();
    if (screenshot) await this.shot(screenshot);
    await dialog.getByRole('button', { name: 'Approve' }).click();
  }

  async waitForText(locator: Locator, text: string | RegExp, timeout = 30_000): Promise<void> {
    await locator.filter({ hasText: text }).first().waitFor({ timeout });
  }
}
