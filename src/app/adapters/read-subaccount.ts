/** A Twilio subaccount read through its parent's connection: owner, status, and its Auth Token when asked. */
import type { Config } from '../../config/config.js';
import type { SubaccountLookup } from '../../domain/connection.js';
import { type FetchLike, ProviderError } from '../../providers/http/index.js';
import { createTwilioClient, twilioConnector } from '../../providers/twilio/index.js';
import { type LimiterFactory, rateFor } from '../../rate-limits/index.js';
import type { Logger } from '../../util/logger.js';
import type { CredentialOf } from './connection-access.js';

/**
 * `GET /2010-04-01/Accounts/{Sid}.json` with the parent's SID and Auth Token: Twilio answers a
 * parent for each of its subaccounts (with `owner_account_sid` and `status`) and 404 for any other
 * account. The same read returns the subaccount's `auth_token` to its parent; it is read again,
 * only when asked (`authToken()`), so a refused lookup never fetched a token. The requests are
 * paced as the parent connection's (its label is the limiter account), like any of its requests.
 */
export function subaccountReader(
  config: Config,
  logger: Logger,
  limiters: LimiterFactory,
  fetch?: FetchLike,
): (parentLabel: string, parent: CredentialOf<'twilio'>, sid: string) => Promise<SubaccountLookup> {
  return async (parentLabel, parent, sid) => {
    const client = createTwilioClient({
      accountSid: parent.accountSid,
      authToken: parent.authToken,
      connect: twilioConnector({
        account: parentLabel,
        apiUrl: config.twilio.apiUrl,
        ratePerSec: rateFor('twilio', config.twilio.ratePerSec),
        limiters,
        logger,
        ...(fetch ? { fetch } : {}),
      }),
    });
    try {
      const account = await client.accounts.fetch(sid);
      return {
        found: true,
        ownerSid: account.owner_account_sid,
        status: account.status,
        authToken: () => client.accounts.authTokenOf(sid),
      };
    } catch (err) {
      if (!(err instanceof ProviderError) || err.status === null) throw err;
      if (err.status === 404) return { found: false, refused: null };
      // The parent's credential itself was refused (401/403): said in Twilio's words.
      if (err.status === 401 || err.status === 403) {
        const said = err.detail ?? err.providerCode ?? `HTTP ${err.status}`;
        return {
          found: false,
          refused: `twilio refused ${parentLabel}'s credential (${err.status}): ${said}`,
        };
      }
      throw err;
    }
  };
}
