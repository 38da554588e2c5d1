import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, type SealedBox } from '../../src/secrets/aes-gcm.js';

const key = randomBytes(32);
const flipFirstByte = (b64: string): string => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return bytes.toString('base64');
};

describe('encryptSecret / decryptSecret', () => {
  it('when a value is sealed and opened with the same key and row id, then the plaintext comes back', () => {
    const box = encryptSecret(key, 'päss wörd ✓', 'row-1');
    expect(decryptSecret(key, box, 'row-1')).toBe('päss wörd ✓');
  });

  it('when the same value is sealed twice, then iv and ciphertext differ', () => {
    const a = encryptSecret(key, 'same', 'row-1');
    const b = encryptSecret(key, 'same', 'row-1');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it.each<[string, (box: SealedBox) => [Buffer, SealedBox, string]]>([
    ['another key', (box) => [randomBytes(32), box, 'row-1']],
    ['another row id (moved box)', (box) => [key, box, 'row-2']],
    [
      'a flipped ciphertext byte',
      (box) => [key, { ...box, ciphertext: flipFirstByte(box.ciphertext) }, 'row-1'],
    ],
    ['a flipped tag byte', (box) => [key, { ...box, authTag: flipFirstByte(box.authTag) }, 'row-1']],
    ['a truncated tag', (box) => [key, { ...box, authTag: box.authTag.slice(0, 8) }, 'row-1']],
    ['another iv', (box) => [key, { ...box, iv: randomBytes(12).toString('base64') }, 'row-1']],
  ])(
    'when opened with %s, then it fails with secret_unreadable and says nothing of the secret',
    (_name, mutate) => {
      const box = encryptSecret(key, 'hunter2', 'row-1');
      const [k, b, aad] = mutate(box);
      let caught: unknown;
      try {
        decryptSecret(k, b, aad);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code: 'secret_unreadable' });
      expect(String((caught as Error).message)).not.toMatch(/hunter2/);
      expect((caught as Error).cause).toBeUndefined();
    },
  );

  it.each([
    ['16 bytes', randomBytes(16)],
    ['33 bytes', randomBytes(33)],
  ])('when the key is %s, then sealing fails with secret_key_invalid', (_name, badKey) => {
    expect(() => encryptSecret(badKey, 'x', 'row-1')).toThrow(
      expect.objectContaining({ code: 'secret_key_invalid' }),
    );
  });
});
