import { Writable } from 'node:stream';
import nock from 'nock';
import { createProviderHttp, type ProviderObserver } from '../../../../src/providers/http/index.js';
import { createSendgridClient, type SendgridClient } from '../../../../src/providers/sendgrid/index.js';
import { createLogger } from '../../../../src/util/logger.js';

export const SENDGRID_TEST_ORIGIN = 'https://api.sendgrid.test';
/** Shaped like a real key (`SG.<22>.<43>`), so redaction and the own-key id are exercised. */
export const SENDGRID_TEST_KEY = 'SG.TestKeyId00000000000001.TestSecretTestSecretTestSecretTestSecret0001';
export const FIXED_NOW = Date.parse('2026-03-01T12:00:00Z');

/**
 * The real client over the real `ProviderHttp` (limiter, retries, zod parsing) at
 * `https://api.sendgrid.test`, time scaled down (`timeUnitMs: 1`), the clock pinned to FIXED_NOW,
 * every log line captured at debug level, and the nock scope that answers it.
 */
export function sendgridUnderNock(observer?: ProviderObserver): {
  client: SendgridClient;
  api: nock.Scope;
  logs: string[];
} {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const http = createProviderHttp({
    provider: 'sendgrid',
    account: 'test-account',
    baseUrl: SENDGRID_TEST_ORIGIN,
    auth: { bearer: SENDGRID_TEST_KEY },
    ratePerSec: 1_000,
    timeUnitMs: 1,
    now: () => FIXED_NOW,
    random: () => 0.5,
    logger: createLogger({ level: 'debug', destination }),
    ...(observer ? { observer } : {}),
  });
  const api = nock(SENDGRID_TEST_ORIGIN, { reqheaders: { authorization: `Bearer ${SENDGRID_TEST_KEY}` } });
  return { client: createSendgridClient(http, { ownApiKeyId: 'TestKeyId00000000000001' }), api, logs };
}
