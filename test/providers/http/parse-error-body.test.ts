import { describe, expect, it } from 'vitest';
import { findRequestId, parseErrorBody } from '../../../src/providers/http/parse-error-body.js';

describe('parseErrorBody', () => {
  it.each([
    [
      'Telnyx errors[] with code and detail',
      {
        errors: [
          { code: '10015', title: 'Invalid value', detail: 'Invalid value for user_name', source: {} },
        ],
      },
      { providerCode: '10015', detail: 'Invalid value for user_name' },
    ],
    [
      'Telnyx errors[] with a title only',
      { errors: [{ code: 10009, title: 'Authentication failed' }] },
      { providerCode: '10009', detail: 'Authentication failed' },
    ],
    [
      'SendGrid errors[] with a field',
      { errors: [{ field: 'name', message: 'name is required' }] },
      { providerCode: 'name is required', detail: 'field name' },
    ],
    [
      'SendGrid errors[] without a field',
      { errors: [{ field: null, message: 'too many requests' }] },
      { providerCode: 'too many requests', detail: null },
    ],
    [
      'Twilio code and message',
      {
        code: 20404,
        message: 'The requested resource was not found',
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      },
      { providerCode: '20404', detail: 'The requested resource was not found' },
    ],
    [
      'an OAuth-style error',
      { error: 'invalid_token', error_description: 'Token expired' },
      { providerCode: null, detail: 'Token expired' },
    ],
    ['an empty object', {}, { providerCode: null, detail: null }],
    ['a JSON array', [1, 2], { providerCode: null, detail: null }],
  ])('when the body is %s, then code and detail are found', (_name, body, expected) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual(expected);
  });

  it.each([
    ['plain text', 'upstream connect error\nmore', 'upstream connect error'],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>', null],
    ['nothing', '', null],
  ])('when the body is %s, then the detail is its first line, if any', (_name, text, detail) => {
    expect(parseErrorBody(text)).toEqual({ providerCode: null, detail });
  });

  it('when the provider sends a very long detail, then it is cut short', () => {
    const parsed = parseErrorBody(JSON.stringify({ code: 1, message: 'x'.repeat(1000) }));
    expect(parsed.detail).toHaveLength(301);
  });
});

describe('findRequestId', () => {
  it.each([
    ['x-request-id (Telnyx)', { 'x-request-id': 'abc' }, '', 'abc'],
    ['twilio-request-id', { 'twilio-request-id': 'RQ1' }, '', 'RQ1'],
    ['x-message-id (SendGrid)', { 'x-message-id': 'm-1' }, '', 'm-1'],
    ['a request_id in the body', {}, '{"request_id":"b-7"}', 'b-7'],
    ['a meta.request_id in the body', {}, '{"meta":{"request_id":"b-8"}}', 'b-8'],
    ['nothing', {}, 'not json', null],
  ])('when the id is in %s, then it is found', (_name, headers, text, expected) => {
    expect(findRequestId(new Headers(headers), text)).toBe(expected);
  });
});
