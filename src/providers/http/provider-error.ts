import { ReclaimError } from '../../domain/errors.js';

export type ProviderErrorCode =
  | 'provider_rate_limited'
  | 'provider_unavailable'
  | 'provider_timeout'
  | 'provider_auth_failed'
  | 'provider_not_found'
  | 'provider_rejected'
  | 'provider_bad_response';

/**
 * A provider request that failed, after the retries that were safe. `message` is one sentence a
 * responder can read ("Telnyx refused to update credential connection (422 10015: Invalid value
 * for user_name)"); it never holds the API key, the auth header, or any request body value.
 */
export class ProviderError extends ReclaimError {
  declare readonly code: ProviderErrorCode;
  readonly provider!: string;
  /** What the request was doing, e.g. `update credential connection`. */
  readonly operation!: string;
  /** The HTTP status of the last answer; `null` when none came (timeout, network). */
  readonly status!: number | null;
  /** Telnyx `errors[0].code`, Twilio `code`, SendGrid `errors[0].message`; redacted. */
  readonly providerCode!: string | null;
  /** The provider's explanation (Telnyx `detail`, Twilio `message`, …); redacted. */
  readonly detail!: string | null;
  readonly requestId!: string | null;
  /**
   * True when a write may or may not have been applied (timed out, 5xx or connection reset after
   * it was sent, or a 2xx whose body could not be read): the caller re-reads the resource before
   * deciding to write again. Never true for a read.
   */
  readonly outcomeUnknown!: boolean;
  /** For `provider_rate_limited`: how long the provider asked us to wait, in ms. */
  readonly retryAfterMs?: number;

  constructor(
    code: ProviderErrorCode,
    message: string,
    fields: ProviderErrorFields,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, {
      cause: options.cause,
      details: { ...fields, ...options.details },
    });
    Object.assign(this, fields);
  }
}

/** What a ProviderError carries beyond ReclaimError's code and details. */
export type ProviderErrorFields = Omit<ProviderError, keyof ReclaimError>;

const DISPLAY_NAMES: Record<string, string> = { telnyx: 'Telnyx', twilio: 'Twilio', sendgrid: 'SendGrid' };

/** `telnyx` → `Telnyx`, `sendgrid` → `SendGrid`; unknown providers get a capital first letter. */
export function providerDisplayName(provider: string): string {
  return DISPLAY_NAMES[provider] ?? provider.charAt(0).toUpperCase() + provider.slice(1);
}
