import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const runReclaim = resolve('src/app/run-reclaim.ts');

/**
 * A child process runs `runReclaim` (Reclaim Local, which installs its handlers before it awaits
 * anything), then a promise is rejected with no handler, as Bolt does when a request breaks it.
 */
const script = `
import { runReclaim } from ${JSON.stringify(runReclaim)};
void runReclaim({ ...process.env });
Promise.reject(new Error('nobody listens to this one'));
setTimeout(() => { process.stdout.write('still alive\\n'); process.exit(0); }, 300);
`;

describe('an unhandled rejection', () => {
  it('when a promise is rejected with no handler, then it is logged and the process goes on', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-rejection-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stdout).toContain('unhandled promise rejection');
      expect(run.stdout).toContain('nobody listens to this one');
      expect(run.stdout).toContain('still alive');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
