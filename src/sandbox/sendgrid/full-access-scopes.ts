/**
 * What a key created without `scopes` gets ("Full Access": every scope but billing). A part of the
 * admin list on twilio.com/docs/sendgrid/api-reference/api-key-permissions, enough to tell a full
 * key from a restricted one.
 */
export const FULL_ACCESS_SCOPES: readonly string[] = [
  'access_settings.activity.read',
  'access_settings.whitelist.create',
  'access_settings.whitelist.delete',
  'access_settings.whitelist.read',
  'access_settings.whitelist.update',
  'alerts.create',
  'alerts.delete',
  'alerts.read',
  'alerts.update',
  'api_keys.create',
  'api_keys.delete',
  'api_keys.read',
  'api_keys.update',
  'email_activity.read',
  'mail.send',
  'mail_settings.forward_bounce.read',
  'mail_settings.forward_bounce.update',
  'mail_settings.forward_spam.read',
  'mail_settings.forward_spam.update',
  'mail_settings.read',
  'marketing.read',
  'stats.read',
  'subusers.create',
  'subusers.read',
  'subusers.update',
  'teammates.create',
  'teammates.delete',
  'teammates.read',
  'templates.read',
  'user.email.read',
  'user.timezone.read',
  'user.webhooks.event.settings.read',
  'user.webhooks.event.settings.update',
  'user.webhooks.parse.settings.delete',
  'user.webhooks.parse.settings.read',
  'whitelabel.delete',
  'whitelabel.read',
];

/** An account holds at most 100 API keys (spec, CreateApiKey: a 403 past that). */
export const MAX_API_KEYS = 100;
