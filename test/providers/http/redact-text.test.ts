import { describe, expect, it } from 'vitest';
import { bodySecrets, redactText } from '../../../src/providers/http/redact-text.js';

describe('redactText', () => {
  it.each([
    ['a known secret', 'password hunter22 is weak', ['hunter22'], 'password [redacted] is weak'],
    ['short known values (not hunted)', 'value true rejected', ['true'], 'value true rejected'],
    ['a bearer header', 'got Authorization: Bearer abc.def-123', [], 'got Authorization: Bearer [redacted]'],
    ['a basic header', 'Basic QUMxOnRvaw== refused', [], 'Basic [redacted] refused'],
    ['a SendGrid key', 'key SG.abcdefghij_klmn.opqrstuvwxyz0123456789 revoked', [], 'key [redacted] revoked'],
    [
      'a long token-like run',
      'token KEY017F2A9B3C4D5E6F7A8B9C0D1E2F3A4B_xyz used',
      [],
      'token [redacted] used',
    ],
    [
      'a UUID (an id, kept)',
      'connection 3fa85f64-5717-4562-b3fc-2c963f66afa6 not found',
      [],
      'connection 3fa85f64-5717-4562-b3fc-2c963f66afa6 not found',
    ],
    [
      'a Twilio SID (an id, kept)',
      'account AC0123456789abcdef0123456789abcdef suspended',
      [],
      'account AC0123456789abcdef0123456789abcdef suspended',
    ],
    [
      'a long number (an id, kept)',
      'number 1293384261075731499 not found',
      [],
      'number 1293384261075731499 not found',
    ],
    [
      'a URL (kept)',
      'see https://www.twilio.com/docs/errors/20404',
      [],
      'see https://www.twilio.com/docs/errors/20404',
    ],
    ['overlapping secrets (longest first)', 'abc123456789', ['abc123', 'abc123456789'], '[redacted]'],
  ])('when the text holds %s, then it comes out as expected', (_name, text, known, expected) => {
    expect(redactText(text, known)).toBe(expected);
  });
});

describe('bodySecrets', () => {
  it.each([
    ['no body', undefined, []],
    ['a nested JSON body', { json: { a: 'x1', b: { c: ['y2', 3, true] } } }, ['x1', 'y2']],
    ['a form body', { form: { Password: 'p', Skip: undefined } }, ['p']],
  ])('when the request has %s, then its string values are collected', (_name, body, expected) => {
    expect(bodySecrets(body as never)).toEqual(expected);
  });
});
