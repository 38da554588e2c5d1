import { z } from 'zod';
import { namedRecord, nullableString } from './common.js';

export type AccountStatus = 'active' | 'suspended' | 'closed';

/**
 * An account (the main one or a subaccount). `auth_token`, in every answer, is dropped on parse.
 * The spec marks every field nullable and requires none: `sid` is required here (`namedRecord`)
 * and filled in with the SID asked for on a fetch or update; `status` is kept as Twilio wrote it
 * (null when missing), so a value outside `active|suspended|closed` does not fail the read.
 */
export const accountSchema = namedRecord({
  /** `active`, `suspended` or `closed` per the spec; another value is kept as it came. */
  status: nullableString as z.ZodType<AccountStatus | (string & {}) | null>,
  /** The parent's SID for a subaccount; the account's own SID for the main account. */
  owner_account_sid: nullableString,
  type: nullableString,
});
export type TwilioAccount = z.output<typeof accountSchema>;

/** An account's `auth_token`, read for `authTokenOf` only (every other account read drops it). */
export const accountAuthTokenSchema: z.ZodType<string> = z
  .object({ auth_token: z.string().min(1) })
  .transform((body) => body.auth_token);

/** `POST accounts.twilio.com/v1/AuthTokens/Secondary` (201): the secondary token, shown this once. */
export const secondaryAuthTokenSchema: z.ZodType<string> = z
  .object({ secondary_auth_token: z.string().min(1) })
  .transform((body) => body.secondary_auth_token);

/** `POST accounts.twilio.com/v1/AuthTokens/Promote` (200): the token that is now primary. */
export const promotedAuthTokenSchema: z.ZodType<string | null> = z
  .object({ auth_token: nullableString })
  .transform((body) => body.auth_token);
