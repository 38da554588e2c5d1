/**
 * One object with every field any Twilio schema of the client reads, typed consistently across
 * resources, plus the secrets Twilio puts in its answers. Because the schemas drop unknown keys it
 * parses as an account, a key, a credential, a number and so on alike.
 */
export const SECRET_MARK = 'kitchen-sink-secret';

export const KITCHEN_SINK = {
  sid: 'PN0123456789abcdef0123456789abcdef',
  account_sid: 'AC0123456789abcdef0123456789abcdef',
  friendly_name: 'Main line',
  date_created: 'Mon, 13 Jun 2016 22:50:08 +0000',
  date_updated: 'Tue, 14 Jun 2016 22:50:08 +0000',
  uri: '/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/x.json',
  status: 'active',
  type: 'Full',
  owner_account_sid: 'AC0123456789abcdef0123456789abcdef',
  auth_token: `${SECRET_MARK}-auth-token`,
  secondary_auth_token: `${SECRET_MARK}-secondary`,
  secret: `${SECRET_MARK}-key-secret`,
  password: `${SECRET_MARK}-sip-password`,
  credential_list_sid: 'CL0123456789abcdef0123456789abcdef',
  username: 'desk1001',
  ip_access_control_list_sid: 'AL0123456789abcdef0123456789abcdef',
  ip_address: '203.0.113.10',
  cidr_prefix_length: 32,
  phone_number: '+13035550142',
  voice_url: 'https://hooks.example.com/voice',
  voice_fallback_url: null,
  voice_application_sid: null,
  sms_url: 'https://hooks.example.com/sms',
  sms_fallback_url: null,
  sms_application_sid: null,
  status_callback: 'https://hooks.example.com/status',
  sms_status_callback: null,
  message_status_callback: null,
  public_application_connect_enabled: false,
  trunk_sid: null,
  category: 'totalprice',
  description: 'Total Price',
  start_date: '2026-02-01',
  end_date: '2026-03-01',
  count: '10',
  count_unit: 'calls',
  usage: '12.5',
  usage_unit: 'usd',
  price: 12.5,
  price_unit: 'usd',
  usage_category: 'totalprice',
  trigger_by: 'price',
  trigger_value: '50.00',
  recurring: 'daily',
  callback_url: 'https://hooks.example.com/usage',
  callback_method: 'POST',
  current_value: '3.20',
  date_fired: null,
};

/** Methods whose whole job is to hand the caller a secret Twilio shows once. */
export const SECRET_RETURNING = new Set(['keys.create', 'authTokens.createSecondary', 'authTokens.promote']);
