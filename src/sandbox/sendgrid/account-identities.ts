// What a simulated account sends as and mails to: senders, authenticated domains, links, forwarding, alerts.

/** A Sender Identity (`/v3/verified_senders`); the postal address is the spec's, kept short. */
export interface SimVerifiedSender {
  id: number;
  nickname: string;
  from_email: string;
  from_name: string;
  reply_to: string;
  reply_to_name: string;
  address: string;
  city: string;
  country: string;
  verified: boolean;
  locked: boolean;
}

/** An authenticated domain (`/v3/whitelabel/domains`) or, without `last_validation_attempt_at`, a branded link. */
export interface SimBrandedDomain {
  id: number;
  user_id: number;
  domain: string;
  subdomain: string;
  username: string;
  valid: boolean;
  default: boolean;
  legacy: boolean;
  last_validation_attempt_at?: number;
}

/** `forward_spam` / `forward_bounce` of `/v3/mail_settings`. */
export interface SimForwardSetting {
  enabled: boolean;
  email: string;
}

/** An alert (`/v3/alerts`); times are Unix seconds. */
export interface SimAlert {
  id: number;
  type: 'usage_limit' | 'stats_notification';
  email_to: string;
  frequency?: string;
  percentage?: number;
  created_at: number;
  updated_at: number;
}
