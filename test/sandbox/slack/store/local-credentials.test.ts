import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deriveLocalCredentials,
  loadOrCreateLocalCredentials,
} from '../../../../src/sandbox/slack/store/local-credentials.js';
import { LOCAL_KEY_FILE } from '../../../../src/secrets/load-or-create-local-key.js';

const dir = () => mkdtemp(join(tmpdir(), 'reclaim-local-creds-'));

describe('loadOrCreateLocalCredentials', () => {
  it('when DATA_DIR is new, then its private key is made and the same credentials come back on every start', async () => {
    const dataDir = await dir();
    const first = await loadOrCreateLocalCredentials(dataDir);
    expect(first.botToken).toMatch(/^xoxb-local-[0-9a-f]{48}$/);
    expect(first.signingSecret).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(join(dataDir, LOCAL_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateLocalCredentials(dataDir)).toEqual(first);
  });

  it('when two data directories are used, then their credentials differ', async () => {
    const [a, b] = await Promise.all([
      loadOrCreateLocalCredentials(await dir()),
      loadOrCreateLocalCredentials(await dir()),
    ]);
    expect(a.botToken).not.toBe(b.botToken);
    expect(a.signingSecret).not.toBe(b.signingSecret);
  });

  it('when credentials are derived from a key, then neither holds the key nor equals the other', () => {
    const key = Buffer.alloc(32, 7);
    const { botToken, signingSecret } = deriveLocalCredentials(key);
    expect(botToken).not.toContain(key.toString('hex'));
    expect(signingSecret).not.toContain(key.toString('hex'));
    expect(botToken.slice('xoxb-local-'.length)).not.toBe(signingSecret.slice(0, 48));
    expect(deriveLocalCredentials(Buffer.alloc(32, 8)).signingSecret).not.toBe(signingSecret);
  });
});
