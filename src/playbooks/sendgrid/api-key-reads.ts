// The reads the key steps share: every key with its scopes, and the scopes of Reclaim's own key.
import { ProviderError, type UnreadableRecord } from '../../providers/http/index.js';
import type { ApiKeyWithScopes, SendgridClient } from '../../providers/sendgrid/index.js';
import { orGone } from '../kit/step-kit.js';
import type { PlaybookContext } from '../types.js';

/**
 * The scopes of Reclaim's own key (`GET /v3/scopes`): null when SendGrid refuses to say (a key
 * without the right, or an endpoint missing), so no key is held back for want of them.
 */
export async function ownScopes(ctx: PlaybookContext<SendgridClient>): Promise<string[] | null> {
  try {
    return await ctx.client.apiKeys.ownScopes();
  } catch (err) {
    if (
      err instanceof ProviderError &&
      (err.code === 'provider_auth_failed' || err.code === 'provider_not_found')
    ) {
      ctx.logger.warn({ code: err.code }, 'could not read the scopes of the SendGrid key Reclaim uses');
      return null;
    }
    throw err;
  }
}

/**
 * One key's scopes. A key deleted between the listing and its lookup is simply no longer there
 * (null); an answer that cannot be read is a record for a person, not a failed step.
 */
async function lookUp(
  client: SendgridClient,
  apiKeyId: string,
): Promise<ApiKeyWithScopes | UnreadableRecord | null> {
  try {
    return await orGone(() => client.apiKeys.get(apiKeyId));
  } catch (err) {
    if (!(err instanceof ProviderError) || err.code !== 'provider_bad_response') throw err;
    const [field = '(the body)', problem = 'unreadable'] = (err.detail ?? '').split(/: (.*)/s);
    return { provider: 'sendgrid', operation: 'get API key scopes', id: apiKeyId, field, problem };
  }
}

/**
 * Every key of the account with its scopes (`GET /v3/api_keys`, then `GET /v3/api_keys/{id}` for
 * each; the key's value is never in either answer), and the records that could not be read.
 */
export async function keysWithScopes(
  client: SendgridClient,
): Promise<{ keys: ApiKeyWithScopes[]; unreadable: UnreadableRecord[] }> {
  const listed = await client.apiKeys.list();
  const found = await Promise.all(listed.items.map((k) => lookUp(client, k.api_key_id)));
  return {
    keys: found.filter((k): k is ApiKeyWithScopes => k !== null && 'scopes' in k),
    unreadable: [
      ...listed.unreadable,
      ...found.filter((k): k is UnreadableRecord => k !== null && 'field' in k),
    ],
  };
}
