import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectionAccess, refreshingHttp } from '../../../src/app/adapters/connection-access.js';
import { loadConfig } from '../../../src/config/config.js';
import { createConnectionStore } from '../../../src/connections/connection-store.js';
import type { ProviderCredential } from '../../../src/domain/connection.js';
import { ProviderError, type ProviderHttp } from '../../../src/providers/http/index.js';
import { createTestDb } from '../../support/test-db.js';

type Telnyx = Extract<ProviderCredential, { provider: 'telnyx' }>;
const refused = (status: number) =>
  new ProviderError('provider_auth_failed', 'refused', {
    provider: 'telnyx',
    operation: 'get balance',
    status,
    providerCode: null,
    detail: null,
    requestId: null,
    outcomeUnknown: false,
  });

/** HTTP that accepts only `accepted()` and records which key each request carried. */
function fakeHttp(accepted: () => string, sent: string[]) {
  return (c: Telnyx): ProviderHttp => ({
    provider: 'telnyx',
    async request() {
      sent.push(c.apiKey);
      if (c.apiKey !== accepted()) throw refused(401);
      return { status: 200, data: {} as never, headers: new Headers(), requestId: undefined };
    },
  });
}
const req = { method: 'GET' as const, path: '/balance', schema: z.unknown(), operation: 'get balance' };

describe('refreshingHttp', () => {
  it('when the provider refuses the key (401) and the connection now holds another, then the request is sent once more with it', async () => {
    const sent: string[] = [];
    let reloads = 0;
    const http = refreshingHttp(
      { provider: 'telnyx', apiKey: 'KEY-old' },
      async () => {
        reloads++;
        return { provider: 'telnyx', apiKey: 'KEY-new' };
      },
      fakeHttp(() => 'KEY-new', sent),
    );
    await http.request(req);
    await http.request(req);
    expect(sent).toEqual(['KEY-old', 'KEY-new', 'KEY-new']);
    expect(reloads).toBe(1);
  });

  it('when the connection still holds the refused key, or the refusal is not a 401, then the error is the caller’s, without a second send', async () => {
    const sent: string[] = [];
    const same = refreshingHttp(
      { provider: 'telnyx', apiKey: 'KEY-old' },
      async () => ({ provider: 'telnyx', apiKey: 'KEY-old' }),
      fakeHttp(() => 'nothing', sent),
    );
    await expect(same.request(req)).rejects.toMatchObject({ status: 401 });
    expect(sent).toEqual(['KEY-old']);
    const forbidden = refreshingHttp(
      { provider: 'telnyx', apiKey: 'KEY-old' },
      async () => ({ provider: 'telnyx', apiKey: 'KEY-new' }),
      () => ({
        provider: 'telnyx',
        request: async () => {
          throw refused(403);
        },
      }),
    );
    await expect(forbidden.request(req)).rejects.toMatchObject({ status: 403 });
  });
});

describe('connectionAccess', () => {
  it('when the store is given, then each load reads the version in use now (a rotation elsewhere is seen at once)', async () => {
    const t = await createTestDb();
    try {
      const store = createConnectionStore(t.db, Buffer.alloc(32, 3));
      await t.db.transaction((tx) =>
        store.add(tx, {
          label: 'telnyx:eu',
          credential: { provider: 'telnyx', apiKey: 'KEY-one-0001' },
          accountId: null,
          source: 'slack',
          addedBy: 'UBOB',
          verifiedAt: null,
        }),
      );
      const access = connectionAccess(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }));
      await expect(access.load('telnyx:eu', 'telnyx')).rejects.toMatchObject({
        code: 'connection_not_found',
      });
      access.use(store);
      expect(await access.load('telnyx:eu', 'telnyx')).toEqual({
        provider: 'telnyx',
        apiKey: 'KEY-one-0001',
      });
      await t.db.transaction((tx) =>
        store.rotate(tx, 'telnyx:eu', { provider: 'telnyx', apiKey: 'KEY-two-0002' }),
      );
      expect(await access.load('telnyx:eu', 'telnyx')).toEqual({
        provider: 'telnyx',
        apiKey: 'KEY-two-0002',
      });
      await expect(access.load('telnyx:eu', 'twilio')).rejects.toMatchObject({
        code: 'connection_not_found',
      });
    } finally {
      await t.cleanup();
    }
  });
});
