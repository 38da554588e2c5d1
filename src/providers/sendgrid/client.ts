import type { ProviderHttp } from '../http/types.js';
import { type AccessSettingsApi, createAccessSettingsApi } from './access-settings.js';
import { type ApiKeysApi, createApiKeysApi } from './api-keys.js';
import {
  createEmailActivityApi,
  createUserApi,
  type EmailActivityApi,
  type UserApi,
} from './email-activity.js';
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
  readonly apiKeys: ApiKeysApi;
  readonly accessSettings: AccessSettingsApi;
  readonly teammates: TeammatesApi;
  readonly subusers: SubusersApi;
  readonly eventWebhooks: EventWebhooksApi;
  readonly parseSettings: ParseSettingsApi;
  readonly emailActivity: EmailActivityApi;
  readonly user: UserApi;
}

export function createSendgridClient(
  http: ProviderHttp,
  options: { ownApiKeyId?: string | null } = {},
): SendgridClient {
  return {
    ownApiKeyId: options.ownApiKeyId ?? null,
    apiKeys: createApiKeysApi(http),
    accessSettings: createAccessSettingsApi(http),
    teammates: createTeammatesApi(http),
    subusers: createSubusersApi(http),
    eventWebhooks: createEventWebhooksApi(http),
    parseSettings: createParseSettingsApi(http),
    emailActivity: createEmailActivityApi(http),
    user: createUserApi(http),
  };
}
