/** providers/sendgrid: the typed SendGrid v3 client, its endpoints and zod schemas. */
export { type AccessSettingsApi, SENDGRID_ACTIVITY_LIMIT } from './access-settings.js';
export { apiKeyIdOf } from './api-key-id.js';
export { type ApiKeysApi, SENDGRID_MAX_API_KEYS } from './api-keys.js';
export { createSendgridClient, type SendgridClient, type SendgridClientOptions } from './client.js';
export {
  type EmailActivityApi,
  type MessageWindow,
  SENDGRID_MESSAGES_PAGE,
  type UserApi,
  windowQuery,
} from './email-activity.js';
export { SendgridClientError } from './errors.js';
export { type IdentityApi, SENDGRID_LINKS_LIMIT, SENDGRID_SENDERS_PAGE } from './identities.js';
export type { ForwardKind, MailSettingsApi } from './mail-settings.js';
export { listByOffset, SENDGRID_MAX_PAGES } from './paging.js';
export { accessRef, allowRuleRef, inviteRef, normaliseSubject, subjectRef } from './refs.js';
export type { AccessAttempt, AllowedIp } from './schemas/access-settings.js';
export type { ApiKey, ApiKeyWithScopes, CreatedApiKey } from './schemas/api-keys.js';
export type { Alert, ForwardSetting } from './schemas/mail-settings.js';
export type { Message } from './schemas/messages.js';
export type { BrandedDomain, VerifiedSender } from './schemas/senders.js';
export type { Subuser } from './schemas/subusers.js';
export type { PendingInvite, Teammate } from './schemas/teammates.js';
export type { EventWebhook, ParseSetting } from './schemas/webhooks.js';
export { SENDGRID_SUBUSERS_PAGE, type SubusersApi } from './subusers.js';
export { SENDGRID_TEAMMATES_PAGE, type TeammatesApi } from './teammates.js';
export type { EventWebhooksApi, ParseSettingsApi } from './webhooks.js';
