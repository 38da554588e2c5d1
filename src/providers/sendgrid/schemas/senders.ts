import { z } from 'zod';
import { booleanOr, orNull } from './common.js';

/**
 * A Sender Identity (`GET /v3/verified_senders`, spec `VerifiedSenderResponse`): an address the
 * account may send as. The postal address fields are in the response but not kept. The spec lists
 * no dates, so a sender is judged by its addresses alone.
 */
export type VerifiedSender = z.output<typeof verifiedSenderSchema>;

export const verifiedSenderSchema = z.object({
  id: z.number().int(),
  nickname: orNull(z.string()),
  from_email: orNull(z.string()),
  reply_to: orNull(z.string()),
  verified: orNull(z.boolean()),
});

/**
 * An authenticated domain (`GET /v3/whitelabel/domains`) or a branded link
 * (`GET /v3/whitelabel/links`): SendGrid signs mail (DKIM) or rewrites links on it. The DNS records
 * are in the response but not kept. Neither lists a creation date; a domain has the time of its
 * last validation attempt (Unix seconds), which the spec does not require.
 */
export type BrandedDomain = z.output<typeof brandedDomainSchema>;

export const brandedDomainSchema = z.object({
  // The spec types these ids `number`, not `integer`.
  id: z.number(),
  domain: z.string(),
  subdomain: orNull(z.string()),
  username: orNull(z.string()),
  valid: booleanOr(false),
  default: booleanOr(false),
  last_validation_attempt_at: orNull(z.number()),
});
