import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SecretError } from '../domain/errors.js';
import { SECRET_KEY_BYTES } from './aes-gcm.js';

export const LOCAL_KEY_FILE = 'secret.key';

/**
 * The sealing key for sandbox-only and local runs, where RECLAIM_SECRET_KEY is not set: read from
 * DATA_DIR/secret.key (base64), or made once with 32 random bytes and written with mode 0600. The
 * file appears whole or not at all (written aside, then linked into place), so two processes
 * starting together end up with the same key.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, LOCAL_KEY_FILE);
  const existing = await readKey(file);
  if (existing) return existing;

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const draft = join(dataDir, `.${LOCAL_KEY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const key = randomBytes(SECRET_KEY_BYTES);
  await writeFile(draft, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(draft, 0o600);
    await link(draft, file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const winner = await readKey(file);
    if (!winner) throw invalidKeyFile(file);
    return winner;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function readKey(file: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== SECRET_KEY_BYTES || key.toString('base64') !== text.trim()) throw invalidKeyFile(file);
  return key;
}

function invalidKeyFile(file: string): SecretError {
  return new SecretError('secret_key_invalid', `${file} must hold a 32-byte key, base64.`);
}
