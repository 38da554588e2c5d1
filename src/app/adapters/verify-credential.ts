/** The cheap read that checks a credential before it is sealed: one GET, its refusal in the provider's words. */
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { CredentialCheck, ProviderCredential } from '../../domain/connection.js';
import { createProviderHttp, type FetchLike, ProviderError } from '../../providers/http/index.js';
import { twilioBaseUrls } from '../../providers/twilio/index.js';
import type { Logger } from '../../util/logger.js';

/** Never the limiter of a connection: a check is its own scope, one request, no retry of a refusal. */
const VERIFY_ACCOUNT = 'verify';

/**
 * Telnyx `GET /v2/balance` (the call Telnyx's docs give as the first authentication check), Twilio
 * `GET /2010-04-01/Accounts/{Sid}.json` (the account the SID names; also proves the pair matches),
 * SendGrid `GET /v3/user/username` (any key that may read its user; gives the account's name).
 */
export function credentialVerifier(
  config: Config,
  logger: Logger,
  fetch?: FetchLike,
): (credential: ProviderCredential) => Promise<CredentialCheck> {
  const http = (provider: string, baseUrl: string, auth: Parameters<typeof createProviderHttp>[0]['auth']) =>
    createProviderHttp({
      provider,
      account: VERIFY_ACCOUNT,
      baseUrl,
      auth,
      ratePerSec: 1,
      logger,
      // A 429 or 5xx is waited out like any request (a refusal, 401/403, is never retried).
      retry: { maxRetries: 5, budgetMs: 20_000 },
      ...(fetch ? { fetch } : {}),
    });
  return async (credential) => {
    try {
      if (credential.provider === 'telnyx') {
        await http('telnyx', config.telnyx.apiUrl, { bearer: credential.apiKey }).request({
          method: 'GET',
          path: '/balance',
          schema: z.unknown(),
          operation: 'check the API key (balance)',
        });
        return { ok: true, accountId: null };
      }
      if (credential.provider === 'twilio') {
        const sid = credential.accountSid;
        if (!/^AC[0-9a-fA-F]{32}$/.test(sid))
          return { ok: false, reason: 'An Account SID is AC followed by 32 hex digits.' };
        const auth = { basic: { username: sid, password: credential.authToken } };
        const res = await http('twilio', twilioBaseUrls(config.twilio.apiUrl).api, auth).request({
          method: 'GET',
          path: `/2010-04-01/Accounts/${sid}.json`,
          schema: z.object({ sid: z.string() }).loose(),
          operation: 'check the Auth Token (account)',
        });
        return { ok: true, accountId: res.data.sid };
      }
      const res = await http('sendgrid', config.sendgrid.apiUrl, { bearer: credential.apiKey }).request({
        method: 'GET',
        path: '/v3/user/username',
        schema: z.object({ username: z.string() }).loose(),
        operation: 'check the API key (username)',
      });
      return { ok: true, accountId: res.data.username };
    } catch (err) {
      // A rate limit says nothing of the key: it is never taken for a refusal (an old key would then
      // pass for deleted), and it reaches the caller as the provider error it is.
      if (
        err instanceof ProviderError &&
        err.status !== null &&
        err.status >= 400 &&
        err.status < 500 &&
        err.status !== 429
      ) {
        const said = err.detail ?? err.providerCode ?? `HTTP ${err.status}`;
        return { ok: false, reason: `${credential.provider} refused it (${err.status}): ${said}` };
      }
      throw err;
    }
  };
}
