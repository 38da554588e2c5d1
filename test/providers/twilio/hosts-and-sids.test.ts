import { describe, expect, it } from 'vitest';
import { checkedSid, twilioAccountKey, twilioBaseUrls } from '../../../src/providers/twilio/index.js';

describe('twilioBaseUrls', () => {
  it.each([
    {
      apiUrl: 'https://api.twilio.com',
      api: 'https://api.twilio.com',
      accounts: 'https://accounts.twilio.com',
      iam: 'https://iam.twilio.com',
    },
    {
      apiUrl: 'https://api.twilio.com/',
      api: 'https://api.twilio.com',
      accounts: 'https://accounts.twilio.com',
      iam: 'https://iam.twilio.com',
    },
    {
      apiUrl: 'https://api.dublin.ie1.twilio.com',
      api: 'https://api.dublin.ie1.twilio.com',
      accounts: 'https://accounts.dublin.ie1.twilio.com',
      iam: 'https://iam.dublin.ie1.twilio.com',
    },
    {
      apiUrl: 'http://127.0.0.1:4010',
      api: 'http://127.0.0.1:4010',
      accounts: 'http://127.0.0.1:4010',
      iam: 'http://127.0.0.1:4010',
    },
    {
      apiUrl: 'https://proxy.example.com/twilio',
      api: 'https://proxy.example.com/twilio',
      accounts: 'https://proxy.example.com/twilio',
      iam: 'https://proxy.example.com/twilio',
    },
    {
      apiUrl: 'https://api.twilio.com.evil.example',
      api: 'https://api.twilio.com.evil.example',
      accounts: 'https://api.twilio.com.evil.example',
      iam: 'https://api.twilio.com.evil.example',
    },
  ])(
    'when TWILIO_API_URL is $apiUrl, then the accounts host is $accounts',
    ({ apiUrl, api, accounts, iam }) => {
      // iam v1 (API keys, restricted ones included) is a sibling host like accounts v1; so are
      // trunking, voice and messaging, named the same way.
      const sibling = (name: string) => accounts.replace('accounts', name);
      expect(twilioBaseUrls(apiUrl)).toMatchObject({ api, accounts, iam });
      expect(twilioBaseUrls(apiUrl)).toMatchObject({
        trunking: sibling('trunking'),
        voice: sibling('voice'),
        messaging: sibling('messaging'),
      });
    },
  );
});

describe('checkedSid', () => {
  it.each([
    { prefix: 'SK' as const, sid: 'SK0123456789abcdef0123456789ABCDEF', ok: true },
    { prefix: 'SK' as const, sid: 'PN0123456789abcdef0123456789abcdef', ok: false },
    { prefix: 'AC' as const, sid: 'AC0123456789abcdef0123456789abcde', ok: false },
    { prefix: 'AC' as const, sid: '', ok: false },
    { prefix: 'CR' as const, sid: 'CR0123456789abcdef0123456789abcdeg', ok: false },
    { prefix: 'IP' as const, sid: '../Keys/SK0123456789abcdef0123456789', ok: false },
  ])('when a $prefix SID is "$sid", then it is accepted: $ok', ({ prefix, sid, ok }) => {
    const run = () => checkedSid(prefix, sid, 'test');
    if (ok) expect(run()).toBe(sid);
    else expect(run).toThrow(/Refusing to call Twilio for test/);
  });
});

describe('twilioAccountKey', () => {
  it('when two accounts are keyed, then each key is 12 hex digits and they differ, and the SID is not in it', () => {
    const a = twilioAccountKey('AC0123456789abcdef0123456789abcdef');
    const b = twilioAccountKey('ACfedcba9876543210fedcba9876543210');
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
