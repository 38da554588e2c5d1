/**
 * One sample response item per spec operation, with every field the spec documents for it and
 * the sensitive ones marked: a new key's value, phone numbers and addresses, recipients, the
 * webhook's public key. The responses the conformance test builds put these in the envelope the
 * spec names (`result`, `webhooks`, `messages`, a bare array or one object).
 */
export const SECRET_MARK = 'sendgrid-secret-mark';
export const PII_MARK = 'sendgrid-pii-mark';

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
};
