import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../../util/project-root.js';
import { LocalSlackError } from '../model/slack-api-error.js';

/** The page's files, served under /assets/ as they are. */
export const ASSET_NAMES = ['console.js', 'console.css', 'blocks.css'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];
export type ConsoleAssets = Record<AssetName, Buffer>;

/** Where the page's script and style are: beside this module, else in the checkout's src/ (running from dist/). */
function assetsDir(): string {
  const candidates = [
    fileURLToPath(new URL('./assets/', import.meta.url)),
    join(projectRoot(), 'src', 'sandbox', 'slack', 'console', 'assets'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'console.js')));
  if (!found) {
    throw new LocalSlackError(
      `the console's page files are missing (looked in ${candidates.join(' and ')}); run Reclaim Local from a full checkout`,
      'local_console_assets_missing',
    );
  }
  return found;
}

/** The console's page script and style sheet: plain files, served as they are (no build, no CDN). */
export async function loadConsoleAssets(): Promise<ConsoleAssets> {
  const dir = assetsDir();
  const entries = await Promise.all(
    ASSET_NAMES.map(async (name) => [name, await readFile(join(dir, name))] as const),
  );
  return Object.fromEntries(entries) as ConsoleAssets;
}
