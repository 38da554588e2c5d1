import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateLocalKey } from '../../src/secrets/load-or-create-local-key.js';

const freshDir = () => mkdtemp(join(tmpdir(), 'reclaim-key-'));

describe('loadOrCreateLocalKey', () => {
  it('when DATA_DIR has no key, then one of 32 bytes is written as base64 with mode 0600', async () => {
    const dir = join(await freshDir(), 'data');
    const key = await loadOrCreateLocalKey(dir);
    expect(key).toHaveLength(32);
    const file = join(dir, 'secret.key');
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(key)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('when the key exists, then the same key is read back on the next start', async () => {
    const dir = await freshDir();
    const first = await loadOrCreateLocalKey(dir);
    const second = await loadOrCreateLocalKey(dir);
    expect(second.equals(first)).toBe(true);
  });

  it('when several starts race on an empty DATA_DIR, then they all end with one and the same key', async () => {
    const dir = await freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalKey(dir)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['not base64', 'this is not a key at all!!!!!!!!!!!!!!!!!!!!'],
  ])('when the key file is %s, then it fails with secret_key_invalid', async (_name, content) => {
    const dir = await freshDir();
    await writeFile(join(dir, 'secret.key'), content);
    await expect(loadOrCreateLocalKey(dir)).rejects.toMatchObject({ code: 'secret_key_invalid' });
  });
});
