import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startFrontDoor } from '../../src/app/start-front-door.js';
import { loadConfig } from '../../src/config/config.js';
import {
  SANDBOX_API_KEY,
  type ServedSimulator,
  seedAttackedAccount,
  serveSimulator,
} from '../../src/sandbox/telnyx/index.js';
import { createLogger } from '../../src/util/logger.js';
import { createTestDb, type TestDb, usingPostgres } from '../support/test-db.js';
import { ConsolePage } from './support/console-page.js';
import { CHROMIUM_ARGS, findChromium } from './support/find-chromium.js';

const executablePath = findChromium();
if (!executablePath) {
  console.log(
    'Reclaim Local browser test skipped: no Chromium found. Install one (apt-get install chromium) or set CHROMIUM_PATH.',
  );
}

const FORWARDING = 'Turn off call forwarding';
const SIP = 'Rotate the credentials of SIP connections';
const BILLING = 'Review recent usage and billing';
const AVERY = ['Avery (approver)', 'ULOCALAPP1'] as const;
const SAM = ['Sam (approver)', 'ULOCALAPP2'] as const;

describe.skipIf(!executablePath)('Reclaim Local in a browser', () => {
  let running: Running;
  let browser: Browser;
  /** One person's browser; a second approver of a real incident uses another (a second context). */
  let context: BrowserContext;
  let telnyx: ServedSimulator;
  let t: TestDb | undefined;
  let logs = '';

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-browser-'));
    // A "real" Telnyx for the live-account part: the simulator over HTTP on 127.0.0.1.
    telnyx = await serveSimulator(seedAttackedAccount());
    t = usingPostgres ? await createTestDb() : undefined;
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      TELNYX_API_KEY: SANDBOX_API_KEY,
      TELNYX_API_URL: telnyx.url,
      RECLAIM_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
      RECLAIM_LOCAL_REAL: '1',
      ...(t?.url ? { DATABASE_URL: t.url } : {}),
    });
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => {
      logs += chunk.toString('utf8');
    });
    running = await startFrontDoor(config, createLogger({ level: 'info', destination: sink }));
    browser = await chromium.launch({ executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS });
    context = await newContext();
  }, 120_000);

  const newContext = () =>
    browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await running?.stop();
    await telnyx?.close();
    await t?.cleanup();
  });

  it('when a rehearsal is run in the console, then it starts, approved high-risk steps execute on the sandbox, a credential is revealed once, a step is skipped, and the report downloads', async () => {
    const ui = new ConsolePage(await context.newPage());
    await ui.page.goto(`${running.url}/`);
    expect(await ui.page.getByRole('note').first().textContent()).toContain('To go live');
    await ui.type('/compromise start sandbox demo');
    await ui.openChannel('compromise-.*-demo');
    await ui
      .card(FORWARDING)
      .getByRole('button', { name: /^Approve 3 changes$/ })
      .waitFor({ timeout: 60_000 });
    await ui.shot('01-incident-open');

    await ui.actAs(...AVERY);
    await ui.approve(FORWARDING, '02-confirm-dialog');
    await ui.waitForText(ui.card(FORWARDING), /Done — 3 of 3 changes made/);
    await ui.shotOfCard(FORWARDING, '02-forwarding-executed');

    await ui.actAs(...SAM);
    await ui.approve(SIP);
    const reveals = ui.card(SIP).getByRole('button', { name: /^Reveal / });
    await reveals.first().waitFor({ timeout: 60_000 });
    const before = await reveals.count();
    await reveals.first().click();
    const secret = ui.page
      .locator('article.msg-ephemeral', { hasText: 'Only visible to you' })
      .locator('pre.mk-pre');
    await secret.waitFor();
    const value = (await secret.textContent())?.trim() ?? '';
    expect(value.length).toBeGreaterThanOrEqual(12);
    // The ephemeral is the newest entry, at the bottom; the page is live, so scroll rather than hold the element.
    await ui.page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await ui.shot('03-credential-revealed');
    await expect.poll(() => reveals.count(), { timeout: 10_000 }).toBe(before - 1);

    await ui.actAs(...AVERY);
    expect(await ui.page.content()).not.toContain(value);

    const modal = ui.page.getByRole('dialog', { name: 'Skip step' });
    await ui.card(BILLING).getByRole('button', { name: 'Skip…' }).click();
    await modal.waitFor();
    await ui.page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });
    await ui.card(BILLING).getByRole('button', { name: 'Skip…' }).click();
    await modal.getByLabel('Why skip it?').fill('reviewed with finance already');
    await ui.shot('04-skip-modal');
    await modal.getByRole('button', { name: 'Skip step' }).click();
    await ui.waitForText(ui.card(BILLING), 'reviewed with finance already');

    await ui.type('/compromise close --force "rehearsal over"');
    const link = ui.page.getByRole('link', { name: /Reclaim report/ });
    await link.waitFor({ timeout: 30_000 });
    await ui.shot('05-closed-with-report');
    const [download] = await Promise.all([ui.page.waitForEvent('download'), link.click()]);
    const report = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^reclaim-report-\d{8}-demo\.md$/);
    expect(report).toContain('rehearsal over');
    expect(report).toMatch(/Audit chain: verified/);
    expect(report).not.toContain(value);
    expect(logs).not.toContain(value);
  }, 240_000);

  it('when an incident works on a real account, then every page says so and a high-risk plan runs only after two different approvers, each in their own browser', async () => {
    const ui = new ConsolePage(await context.newPage());
    await ui.page.goto(`${running.url}/`);
    await ui.actAs('Riley (requester)', 'ULOCALREQ');
    await ui.type('/compromise start telnyx live-drill');
    await ui.openChannel('compromise-.*-live-drill');
    await ui.page.getByRole('alert').filter({ hasText: 'acts on your real telnyx account' }).waitFor();
    const card = ui.card(FORWARDING);
    await ui.waitForText(card, 'This is your real telnyx account', 60_000);

    await ui.actAs(...AVERY);
    await ui.approve(FORWARDING);
    await ui.waitForText(ui.page.locator('#notice, article.msg'), /@Avery \(approver\)/);
    await ui.shot('06-real-account-one-approval');
    expect(await card.textContent()).not.toMatch(/Done —/);

    await ui.actAs(...SAM);
    await ui.approve(FORWARDING);
    await ui.waitForText(
      ui.page.locator('#notice'),
      'This browser already acts as Avery (approver) in this incident; a second approver must use their own browser.',
    );
    expect(await ui.card(FORWARDING).textContent()).not.toMatch(/Done —/);

    const second = await newContext();
    try {
      const sam = new ConsolePage(await second.newPage());
      await sam.page.goto(`${running.url}/`);
      await sam.actAs(...SAM);
      await sam.openChannel('compromise-.*-live-drill');
      await sam.approve(FORWARDING);
      await sam.waitForText(sam.card(FORWARDING), /Done — (\d+) of \1 changes made/, 60_000);
      await sam.shot('07-real-account-executed');
    } finally {
      await second.close();
    }
  }, 240_000);
});
