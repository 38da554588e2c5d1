import { Writable } from 'node:stream';
import nock from 'nock';
import { createProviderHttp } from '../../../../src/providers/http/create-provider-http.js';
import { createTelnyxClient, type TelnyxClient } from '../../../../src/providers/telnyx/client.js';
import { createLogger } from '../../../../src/util/logger.js';

export const TELNYX_TEST_ORIGIN = 'https://api.telnyx.test';
export const TELNYX_TEST_TOKEN = 'KEY0123-test-token';

/**
 * The real client over the real `ProviderHttp` (limiter, retries, zod parsing) at
 * `https://api.telnyx.test/v2`, with time scaled down (`timeUnitMs: 1`), every log line captured
 * at debug level, and the nock scope that answers it.
 */
export function telnyxUnderNock(): { client: TelnyxClient; api: nock.Scope; logs: string[] } {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const http = createProviderHttp({
    provider: 'telnyx',
    account: 'test-account',
    baseUrl: `${TELNYX_TEST_ORIGIN}/v2`,
    auth: { bearer: TELNYX_TEST_TOKEN },
    ratePerSec: 1_000,
    timeUnitMs: 1,
    logger: createLogger({ level: 'debug', destination }),
  });
  const api = nock(TELNYX_TEST_ORIGIN, { reqheaders: { authorization: `Bearer ${TELNYX_TEST_TOKEN}` } });
  return { client: createTelnyxClient(http), api, logs };
}

/** `{ data, meta }` for page `pageNumber` of `totalPages`. */
export function page<T>(data: T[], pageNumber: number, totalPages: number, size = 250) {
  return {
    data,
    meta: { page_number: pageNumber, page_size: size, total_pages: totalPages, total_results: data.length },
  };
}
