import type { ProviderHttp } from '../http/types.js';
import { type AccessSettingsApi, createAccessSettingsApi } from './access-settings.js';
import { apiKeyIdOf } from './api-key-id.js';
import { type ApiKeysApi, createApiKeysApi } from './api-keys.js';
import {
  createEmailActivityApi,
  createUserApi,
  type EmailActivityApi,
  type UserApi,
} from './email-activity.js';
import { SendgridClientError } from './errors.js';
import { createIdentityApis, type IdentityApi } from './identities.js';
import { createMailSettingsApi, type MailSettingsApi } from './mail-settings.js';
import type { Alert } from './schemas/mail-settings.js';
import type { BrandedDomain, VerifiedSender } from './schemas/senders.js';
import { createSubusersApi, type SubusersApi } from './subusers.js';
import { createTeammatesApi, type TeammatesApi } from './teammates.js';
import {
  createEventWebhooksApi,
  createParseSettingsApi,
  type EventWebhooksApi,
  type ParseSettingsApi,
} from './webhooks.js';

/**
 * Typed calls to the SendGrid v3 API, one group per resource, each checked against the official
 * OpenAPI spec (twilio/sendgrid-oai, docs/providers/sendgrid.md). Listings walk every page; no
 * parsed object carries a secret except the one a caller asked for (a new API key's value). The
 * `http` given decides base URL, auth, rate limit and retries.
 */
export interface SendgridClient {
  /**
   * The id of the API key this client signs its requests with (`SG.<id>.<secret>`), or null when
   * the key does not have that form: the key a clean-up must never delete.
   */
  readonly ownApiKeyId: string | null;
  /**
   * Signs every later request with `apiKey` (and `ownApiKeyId` follows it): after Reclaim replaced
   * its own key, the old one is deleted next. Refused when the client was built without `connect`.
   */
  useApiKey(apiKey: string): Promise<void>;
  /** Whether `useApiKey` can switch (the client was built with `connect`). */
  readonly canSwitchKeys: boolean;
  readonly apiKeys: ApiKeysApi;
  readonly accessSettings: AccessSettingsApi;
  readonly teammates: TeammatesApi;
  readonly subusers: SubusersApi;
  readonly eventWebhooks: EventWebhooksApi;
  readonly parseSettings: ParseSettingsApi;
  readonly emailActivity: EmailActivityApi;
  readonly user: UserApi;
  /** `/v3/verified_senders`, `/v3/whitelabel/domains`, `/v3/whitelabel/links`, `/v3/alerts`. */
  readonly verifiedSenders: IdentityApi<VerifiedSender>;
  readonly authenticatedDomains: IdentityApi<BrandedDomain>;
  readonly brandedLinks: IdentityApi<BrandedDomain>;
  readonly alerts: IdentityApi<Alert>;
  readonly mailSettings: MailSettingsApi;
}

export interface SendgridClientOptions {
  ownApiKeyId?: string | null;
  /** The HTTP for another key (`useApiKey`): same base URL, limits and account label. */
  connect?: (apiKey: string) => ProviderHttp | Promise<ProviderHttp>;
}

export function createSendgridClient(
  http: ProviderHttp,
  options: SendgridClientOptions = {},
): SendgridClient {
  let current = http;
  let own = options.ownApiKeyId ?? null;
  const shared: ProviderHttp = { provider: http.provider, request: (req) => current.request(req) };
  return {
    get ownApiKeyId() {
      return own;
    },
    canSwitchKeys: options.connect !== undefined,
    async useApiKey(apiKey) {
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
