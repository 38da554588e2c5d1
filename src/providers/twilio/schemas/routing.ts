// Trunks, SIP domains, Messaging Services and geo permissions: only the fields the steps read, the rest dropped.
import { z } from 'zod';
import { namedRecord, nullableBoolean, nullableString, stringList } from './common.js';

/** An Elastic SIP trunk (`TK…`, trunking v1; ISO 8601 dates): `domain_name` is where its PBX sends calls out. */
export const sipTrunkSchema = namedRecord({
  domain_name: nullableString,
  disaster_recovery_url: nullableString,
});
export type SipTrunk = z.infer<typeof sipTrunkSchema>;

/** A credential list (`CL…`) or IP access control list (`AL…`) associated with a trunk or mapped onto a SIP domain. */
export const sipListLinkSchema = namedRecord({});
export type SipDomainMapping = z.infer<typeof sipListLinkSchema>;

/** A trunk's origination URL (`OU…`, with `sip_url` and `enabled`), or a list associated with it (neither). */
export const sipOriginationUrlSchema = sipListLinkSchema.extend({
  sip_url: nullableString,
  enabled: nullableBoolean,
});
export type SipTrunkMember = SipDomainMapping & { sip_url?: string | null; enabled?: boolean | null };

/** A SIP domain (`SD…`): where Twilio fetches TwiML for calls to `<name>.sip.twilio.com`. */
export const sipDomainSchema = namedRecord({
  domain_name: nullableString,
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  voice_status_callback_url: nullableString,
});
export type SipDomain = z.infer<typeof sipDomainSchema>;

/** A Messaging Service (`MG…`, ISO 8601 dates): its URLs win over those of the numbers in it. */
export const messagingServiceSchema = namedRecord({
  inbound_request_url: nullableString,
  fallback_url: nullableString,
  status_callback: nullableString,
  /** When true, the numbers' own SMS URLs are used for inbound messages instead. */
  use_inbound_webhook_on_number: nullableBoolean,
});
export type MessagingService = z.infer<typeof messagingServiceSchema>;

/** A country of the voice dialing geo permissions (voice v1); it carries no dates. */
export const dialingCountrySchema = z.object({
  iso_code: z.string(),
  name: nullableString,
  country_codes: stringList,
  low_risk_numbers_enabled: nullableBoolean,
  high_risk_special_numbers_enabled: nullableBoolean,
  high_risk_tollfraud_numbers_enabled: nullableBoolean,
});
export type DialingCountry = z.infer<typeof dialingCountrySchema>;

/**
 * A country of the messaging geo permissions (accounts v1). The spec leaves the records untyped;
 * its examples carry `country_code`, `enabled`, `prefix` and `message` (`High Risk Country`), and on
 * an update `error_code` (0 when applied) and `error_messages`.
 */
export const messagingGeoPermissionSchema = z.object({
  country_code: z.string(),
  enabled: nullableBoolean,
  prefix: nullableString,
  message: nullableString,
  error_code: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  error_messages: stringList,
});
export type MessagingGeoPermission = z.infer<typeof messagingGeoPermissionSchema>;
