import type { ProviderHttp } from '../http/types.js';
import { createAccessSettingsApi } from './access-settings.js';
import { apiKeyIdOf } from './api-key-id.js';
import { createApiKeysApi } from './api-keys.js';
import { createEmailActivityApi, createUserApi } from './email-activity.js';
import { SendgridClientError } from './errors.js';
import { createIdentityApis } from './identities.js';
import { createMailSettingsApi } from './mail-settings.js';
import { createSubusersApi } from './subusers.js';
import { createTeammatesApi } from './teammates.js';
import { createEventWebhooksApi, createParseSettingsApi } from './webhooks.js';

/**
 * Typed calls to the SendGrid v3 API, one group per resource, each checked against the official
 * OpenAPI spec (twilio/sendgrid-oai, docs/providers/sendgrid.md). Listings walk every page; no
 * parsed object carries a secret except the one a caller asked for (a new API key's value). The
 * `http` given decides base URL, auth, rate limit and retries.
 */
export type SendgridClient = ReturnType<typeof createSendgridClient>;

export interface SendgridClientOptions {
  ownApiKeyId?: string | null;
  /** The HTTP for another key (`useApiKey`): same base URL, limits and account label. */
  connect?: (apiKey: string) => ProviderHttp | Promise<ProviderHttp>;
}

export function createSendgridClient(http: ProviderHttp, options: SendgridClientOptions = {}) {
  let current = http;
  let own = options.ownApiKeyId ?? null;
  const shared: ProviderHttp = { provider: http.provider, request: (req) => current.request(req) };
  return {
    /**
     * The id of the API key this client signs its requests with (`SG.<id>.<secret>`), or null when
     * the key does not have that form: the key a clean-up must never delete.
     */
    get ownApiKeyId(): string | null {
      return own;
    },
    /** Whether `useApiKey` can switch (the client was built with `connect`). */
    canSwitchKeys: options.connect !== undefined,
    /**
     * Signs every later request with `apiKey` (and `ownApiKeyId` follows it): after Reclaim replaced
     * its own key, the old one is deleted next. Refused when the client was built without `connect`.
     */
    async useApiKey(apiKey: string): Promise<void> {
      if (!options.connect) {
        throw new SendgridClientError(
          'sendgrid_cannot_switch_key',
          'This SendGrid client cannot switch keys (it was built for one key only).',
        );
      }
      current = await options.connect(apiKey);
      own = apiKeyIdOf(apiKey);
    },
    apiKeys: createApiKeysApi(shared),
    accessSettings: createAccessSettingsApi(shared),
    teammates: createTeammatesApi(shared),
    subusers: createSubusersApi(shared),
    eventWebhooks: createEventWebhooksApi(shared),
    parseSettings: createParseSettingsApi(shared),
    emailActivity: createEmailActivityApi(shared),
    user: createUserApi(shared),
    ...createIdentityApis(shared),
    mailSettings: createMailSettingsApi(shared),
  };
}
