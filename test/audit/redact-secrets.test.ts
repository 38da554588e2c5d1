import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from '../../src/audit/redact-secrets.js';

describe('isSecretKey', () => {
  it.each([
    ['password', true],
    ['sip_password', true],
    ['newPassword', true],
    ['secret', true],
    ['v1_secret', true],
    ['client-secret', true],
    ['token', true],
    ['authToken', true],
    ['refresh_token', true],
    ['api_key', true],
    ['apiKey', true],
    ['API-KEY', true],
    ['authorization', true],
    ['Authorization', true],
    ['plaintext', true],
    ['private_key', true],
    ['cookie', true],
    ['secretId', false],
    ['apiKeyId', false],
    ['token_ids', false],
    ['secretLabel', false],
    ['tokenCount', false],
    ['stepId', false],
    ['label', false],
    ['connectionName', false],
    ['digest', false],
  ])('when the key is %s, then secret-looking is %s', (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });
});

describe('redactSecrets', () => {
  it.each([
    ['a flat password', { user: 'u1', password: 'hunter2' }, { user: 'u1', password: REDACTED }],
    [
      'a nested token',
      { outcome: { connection: { id: 'c1', sip_password: 'p@ss' } } },
      { outcome: { connection: { id: 'c1', sip_password: REDACTED } } },
    ],
    [
      'secrets inside arrays',
      {
        keys: [
          { id: 'k1', api_key: 'KEY1' },
          { id: 'k2', apiKey: 'KEY2' },
        ],
      },
      {
        keys: [
          { id: 'k1', api_key: REDACTED },
          { id: 'k2', apiKey: REDACTED },
        ],
      },
    ],
    ['a whole object under a secret key', { secret: { value: 'x' } }, { secret: REDACTED }],
    ['an array under a secret key', { tokens: ['a', 'b'] }, { tokens: REDACTED }],
    ['a null secret', { password: null }, { password: null }],
    ['a bearer value under any key', { header: 'Bearer abc.def' }, { header: REDACTED }],
    ['a basic value in an array', { sent: ['Basic dXNlcjpwYXNz', 'ok'] }, { sent: [REDACTED, 'ok'] }],
    [
      'metadata about a secret',
      { secretId: 's1', secretLabel: 'SIP' },
      { secretId: 's1', secretLabel: 'SIP' },
    ],
    [
      'nothing secret',
      { stepKey: 'telnyx.x', count: 3, ok: true },
      { stepKey: 'telnyx.x', count: 3, ok: true },
    ],
  ])('when the payload holds %s, then it becomes the expected copy', (_name, input, expected) => {
    expect(redactSecrets(input)).toEqual(expected);
  });

  it('when a payload is redacted, then the original is left untouched', () => {
    const input = { nested: { token: 't' } };
    redactSecrets(input);
    expect(input.nested.token).toBe('t');
  });
});
