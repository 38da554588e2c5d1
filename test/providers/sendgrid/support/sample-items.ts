/**
 * One sample response item per spec operation, with every field the spec documents for it and
 * the sensitive ones marked: a new key's value, phone numbers and addresses, recipients, the
 * webhook's public key. The responses the conformance test builds put these in the envelope the
 * spec names (`result`, `webhooks`, `messages`, a bare array or one object).
 */
export const SECRET_MARK = 'sendgrid-secret-mark';
export const PII_MARK = 'sendgrid-pii-mark';

const forward = { enabled: true, email: 'abuse@example.com' };
const dns = (names: string[]) =>
  Object.fromEntries(
    names.map((n) => [
      n,
      { valid: true, type: 'cname', host: `${n}.example.com`, data: 'u1.wl.sendgrid.net' },
    ]),
  );
const branded = {
  id: 45,
  user_id: 7,
  domain: 'example.com',
  subdomain: 'em',
  username: 'acme',
  default: false,
  legacy: false,
  valid: true,
};
const key = { api_key_id: 'key-0001', name: 'Production mail', scopes: ['mail.send'] };
const allowed = { id: 1001, ip: '203.0.113.10', created_at: 1767225600, updated_at: 1767225600 };
const webhook = {
  enabled: true,
  url: 'https://hooks.example.com/events',
  account_status_change: false,
  group_resubscribe: true,
  delivered: true,
  group_unsubscribe: true,
  spam_report: true,
  bounce: true,
  deferred: true,
  unsubscribe: true,
  processed: true,
  open: true,
  click: true,
  dropped: true,
  friendly_name: 'Events',
  id: '77d4a5da-7015-11ed-a1eb-0242ac120002',
  created_date: '2026-01-01T00:00:00Z',
  updated_date: '2026-01-02T00:00:00Z',
  oauth_client_id: 'client-1',
  oauth_token_url: 'https://auth.example.com/token',
  public_key: `${SECRET_MARK}-public-key`,
};

export const SAMPLE_ITEMS: Record<string, unknown> = {
  ListApiKey: { api_key_id: key.api_key_id, name: key.name },
  GetApiKey: key,
  CreateApiKey: { ...key, api_key: `SG.key-0001.${SECRET_MARK}` },
  UpdateApiKey: key,
  ListAccessActivity: {
    allowed: true,
    auth_method: 'basic',
    first_at: 1767225600,
    ip: '192.0.2.66',
    last_at: 1767229200,
    location: 'Unknown',
  },
  ListAllowedIp: allowed,
  AddIpToAllowList: allowed,
  ListTeammate: {
    username: 'alice',
    email: 'alice@example.com',
    first_name: 'Alice',
    last_name: 'Ng',
    user_type: 'admin',
    is_admin: true,
    phone: `${PII_MARK}-phone`,
    website: 'https://example.com',
    address: `${PII_MARK}-address`,
    address2: '',
    city: 'Denver',
    state: 'CO',
    zip: '80202',
    country: 'US',
  },
  ListPendingTeammate: {
    email: 'new@example.com',
    scopes: ['mail.send'],
    is_admin: false,
    token: 'invite-token-0001',
    expiration_date: 1767830400,
  },
  ListSubuser: { disabled: false, id: 1234, username: 'acme-tx', email: 'tx@example.com', region: 'global' },
  ListEventWebhook: webhook,
  GetEventWebhook: webhook,
  UpdateEventWebhook: webhook,
  ListParseSetting: {
    url: 'https://hooks.example.com/parse',
    hostname: 'in.example.com',
    spam_check: true,
    send_raw: false,
  },
  ListMessage: {
    from_email: 'noreply@example.com',
    msg_id: 'msg-0001',
    subject: 'Your receipt #1234',
    to_email: `${PII_MARK}@example.org`,
    status: 'delivered',
    opens_count: 1,
    clicks_count: 0,
    last_event_time: '2026-02-20T10:00:00Z',
  },
  ListEmail: { email: 'owner@example.com' },
  ListScope: { scopes: ['mail.send', 'api_keys.create'] },
  ListVerifiedSender: {
    id: 1234,
    nickname: 'Orders',
    from_email: 'orders@example.com',
    from_name: 'Orders',
    reply_to: 'orders@example.com',
    reply_to_name: 'Orders',
    address: `${PII_MARK}-address`,
    address2: `${PII_MARK}-address2`,
    state: 'CO',
    city: `${PII_MARK}-city`,
    zip: `${PII_MARK}-zip`,
    country: 'USA',
    verified: true,
    locked: false,
  },
  ListAuthenticatedDomain: {
    ...branded,
    ips: ['192.0.2.1'],
    custom_spf: false,
    automatic_security: true,
    dns: dns(['mail_cname', 'dkim1', 'dkim2']),
    subusers: [{ user_id: 8, username: 'acme-tx' }],
    last_validation_attempt_at: 1767225600,
  },
  ListBrandedLink: { ...branded, id: 46, subdomain: 'links', dns: dns(['domain_cname', 'owner_cname']) },
  ListForwardSpam: forward,
  UpdateForwardSpam: { ...forward, enabled: false },
  ListForwardBounce: { ...forward, email: 'bounces@example.com' },
  UpdateForwardBounce: { enabled: false, email: 'bounces@example.com' },
  ListAlert: {
    id: 48,
    type: 'stats_notification',
    email_to: 'ops@example.com',
    frequency: 'daily',
    percentage: 90,
    created_at: 1767225600,
    updated_at: 1767225600,
  },
};
